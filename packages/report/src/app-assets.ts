import { readFileSync } from "node:fs";
import { Ag2EvalError } from "@ag2/eval-core";

/** The app's script and style sheet, built into `dist/report-app.json` by the package build. */
export interface AppAssets {
  readonly js: string;
  readonly css: string;
}

let cached: AppAssets | undefined;

/**
 * The built app, read once per process. The file sits beside this module's output in
 * `dist/`, where every module of the package (bundle, chunk or per-file) is emitted.
 *
 * @example
 * ```ts
 * const { js, css } = appAssets();
 * console.log(`${js.length + css.length} characters inlined into each report`);
 * ```
 */
export function appAssets(): AppAssets {
  if (cached) return cached;
  const url = new URL("./report-app.json", import.meta.url);
  let parsed: Partial<AppAssets>;
  try {
    parsed = JSON.parse(readFileSync(url, "utf8")) as Partial<AppAssets>;
  } catch (error) {
    throw new Ag2EvalError(
      `@ag2/eval-report: the built app ${url.pathname} could not be read (${(error as Error).message}); expected it from the package build (pnpm build)`,
      { cause: error },
    );
  }
  if (typeof parsed.js !== "string" || typeof parsed.css !== "string") {
    throw new Ag2EvalError(
      `@ag2/eval-report: the built app ${url.pathname} holds no "js" and "css" strings; expected the output of the package build`,
    );
  }
  cached = { js: parsed.js, css: parsed.css };
  return cached;
}
