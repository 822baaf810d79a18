import { readFile } from "node:fs/promises";
import { RunFileError, RunResult } from "@ag2/eval-core";
import { StoreFolderError } from "./store-folder-error.js";

/**
 * Reads one run file (ours or one written by AG2's Python framework) and rebuilds the run.
 * Validation is core's `RunResult.fromJSON`; errors name this file, the field path, what
 * was found and what was expected.
 *
 * @example
 * ```ts
 * const run = await loadRun("runs/nightly-42.json");
 * console.log(run.summary());
 * ```
 */
export async function loadRun(path: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new StoreFolderError({ path, operation: "read", cause: error });
  }
  return parseRunText(text, path);
}

/** The text of the file at `path`, or null when there is none; other failures are a {@link StoreFolderError}. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new StoreFolderError({ path, operation: "read", cause: error });
  }
}

/** Parses the text of a run file read from `path`. */
export function parseRunText(text: string, path: string): RunResult {
  return RunResult.fromJSON(parseJsonText(text, path), { source: path });
}

/** JSON.parse that reports a truncated or malformed file as a {@link RunFileError} naming it. */
export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunFileError({
      source: path,
      field: "",
      found: text.length === 0 ? "an empty file" : `text that is not valid JSON (${reason})`,
      expected: "a JSON object (schema_version 0.1)",
    });
  }
}
