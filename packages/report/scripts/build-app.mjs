#!/usr/bin/env node
// Builds the report app (Preact + TSX) and its style sheet into dist/report-app.json
// ({ js, css }). renderReport inlines both into every report, so nothing is fetched at run
// time; the script must never contain "</script" (it would end its element early). JSON, not
// .js files: the tarball ships no module but the bundles, and this is text to inline, not code
// to import.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

mkdirSync("dist", { recursive: true });
rmSync("dist/app", { recursive: true, force: true });
const common = {
  bundle: true,
  minify: true,
  write: false,
  logLevel: "warning",
  legalComments: "none",
};
const js = await build({
  ...common,
  entryPoints: ["app/main.tsx"],
  format: "iife",
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  define: { "process.env.NODE_ENV": '"production"' },
});
const css = await build({ ...common, entryPoints: ["app/styles.css"] });
const script = js.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1");
if (/<!--|<script/i.test(script)) {
  console.error(
    "build-app: the app script holds <!-- or <script, which would break its inline element",
  );
  process.exit(1);
}
writeFileSync("dist/report-app.json", JSON.stringify({ js: script, css: css.outputFiles[0].text }));
