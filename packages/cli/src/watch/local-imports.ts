import { isAbsolute } from "node:path";
import type { Plugin } from "esbuild";

/** Files read as text when a module imports them, so they join the graph instead of failing it. */
const TEXT_LOADERS = { ".txt": "text", ".md": "text", ".csv": "text", ".jsonl": "text" } as const;

/**
 * The local files the given modules import, directly or through each other, the modules
 * themselves included: what `ag2-eval watch` watches. Imports are read by esbuild (the bundler
 * behind tsx, which loads the modules), so TypeScript, `tsconfig` paths and CommonJS `require`
 * are followed as the loader follows them; packages (anything under `node_modules`) are not.
 * A file that does not parse, or an import that does not resolve, ends that branch without
 * failing the rest: the broken file is still listed, so its fix is seen.
 *
 * @example
 * ```ts
 * const files = await localImports({ entries: ["/project/src/scorers.ts"], cwd: "/project" });
 * ```
 */
export async function localImports(options: {
  entries: readonly string[];
  cwd: string;
}): Promise<string[]> {
  const found = new Set(options.entries);
  if (options.entries.length === 0) return [];
  const { build } = await import("esbuild");
  const record: Plugin = {
    name: "ag2-eval-watch-record",
    setup(plugin) {
      plugin.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace === "file" && isAbsolute(args.path)) found.add(args.path);
        return undefined;
      });
    },
  };
  try {
    await build({
      entryPoints: [...options.entries],
      absWorkingDir: options.cwd,
      bundle: true,
      write: false,
      outdir: "ag2-eval-watch-out",
      platform: "node",
      format: "esm",
      packages: "external",
      loader: TEXT_LOADERS,
      logLevel: "silent",
      plugins: [record],
    });
  } catch {
    // what was loaded before the failure is in `found`
  }
  return [...found].filter((path) => !/[\\/]node_modules[\\/]/.test(path)).sort();
}
