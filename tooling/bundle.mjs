#!/usr/bin/env node
// Bundles a package's own code into one ES module per entry point, after `tsc -b`.
//
// Why: on Node 20 the ES module loader costs about 0.3 ms per module, and a package of ~80 small
// files pays that on every start (W0 in bench/README.md). The bundle keeps every dependency
// external (zod, OpenTelemetry and our other packages are shared with the user's copies, never
// inlined) and only joins our own files. tsc's per-file output stays for the package's own tests
// and its `.d.ts` files stay the published types.
//
// Entries come from package.json `exports`: an entry whose `types` is `./dist/<p>.d.ts` is built
// from `src/<p>.ts` into `./dist/<p>.bundle.js`, which its `import` and `default` must name.
// Extra entries (a bin's module) are given as arguments: `node ../../tooling/bundle.mjs src/cli.ts`.
// Shared code goes into `dist/chunk-*.js`, beside the entries, so `new URL("../package.json",
// import.meta.url)` means the same in a chunk as in the file it came from.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync("package.json", "utf8"));
const entryPoints = [...entriesFromExports(manifest), ...process.argv.slice(2)];
if (entryPoints.length === 0) fail("no entry points: package.json `exports` names none");

// chunk names carry a content hash: drop the previous build's so dist holds only live ones
for (const name of readdirSync("dist")) {
  if (/^chunk-.*\.js(\.map)?$/.test(name)) rmSync(join("dist", name));
}

await build({
  entryPoints,
  outdir: "dist",
  outbase: "src",
  entryNames: "[dir]/[name].bundle",
  chunkNames: "chunk-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  sourcesContent: true,
  logLevel: "warning",
});

function entriesFromExports(pkg) {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== "object" || target === null || !target.types) continue;
    const stem = /^\.\/dist\/(.+)\.d\.ts$/.exec(target.types)?.[1];
    if (!stem)
      fail(`exports["${subpath}"].types: expected "./dist/<path>.d.ts", got ${target.types}`);
    const bundle = `./dist/${stem}.bundle.js`;
    for (const condition of ["import", "default"]) {
      if (target[condition] !== bundle) {
        fail(`exports["${subpath}"].${condition}: expected "${bundle}", got ${target[condition]}`);
      }
    }
    entries.push(`src/${stem}.ts`);
  }
  return entries;
}

function fail(message) {
  console.error(`bundle (${manifest?.name ?? process.cwd()}): ${message}`);
  process.exit(1);
}
