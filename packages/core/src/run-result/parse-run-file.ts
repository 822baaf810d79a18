import { type ReadOptions, runInitFromText } from "../run-file/read-run-file.js";
import { RunResult } from "./run-result.js";

/**
 * Parses a run file's text into a {@link RunResult}; invalid or truncated JSON, or a field of
 * the wrong shape, is a `RunFileError` naming the source and the field.
 *
 * @example
 * ```ts
 * const run = parseRunFile(await readFile(path, "utf8"), { source: path });
 * ```
 */
export function parseRunFile(text: string, options: ReadOptions = {}): RunResult {
  return new RunResult(runInitFromText(text, options));
}

/**
 * The same as `RunResult.fromJSON`, as a function.
 *
 * @example
 * ```ts
 * const run = runResultFromJSON(JSON.parse(text), { source: path });
 * ```
 */
export function runResultFromJSON(json: unknown, options: ReadOptions = {}): RunResult {
  return RunResult.fromJSON(json, options);
}
