import { readFileSync } from "node:fs";
import { Ag2EvalError } from "@ag2/eval-core";

/** The app's script and style sheet, built into `dist/app/` by the package build. */
export interface AppAssets {
  readonly js: string;
  readonly css: string;
}

let cached: AppAssets | undefined;

/**
 * The built app, read once per process. The files sit beside this module's output in
 * `dist/`, and every module of the package (bundle, chunk or per-file) is emitted there.
 *
 * @example
 * ```ts
 * const { js, css } = appAssets();
 * ```
 */
export function appAssets(): AppAssets {
  if (cached) return cached;
  const js = read("app.js");
  const css = read("app.css");
  cached = { js, css };
  return cached;
}

function read(name: string): string {
  const url = new URL(`./app/${name}`, import.meta.url);
  try {
    return readFileSync(url, "utf8");
  } catch (error) {
    throw new Ag2EvalError(
      `@ag2/eval-report: the built app file ${url.pathname} could not be read (${(error as Error).message}); expected it from the package build (pnpm build)`,
      { cause: error },
    );
  }
}
