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
  const json = parseJsonText(text, path);
  const other = otherArtifact(json);
  if (other !== null) {
    // asked for as a run (`show <id>`), it would otherwise fail on its first missing run field
    throw new RunFileError(
      { source: path, field: "", expected: "a run file", found: other },
      { note: "`ag2-eval report <id>` (renderReport) shows it" },
    );
  }
  return RunResult.fromJSON(json, { source: path });
}

/**
 * What a JSON file ag2-eval writes beside runs is, when it is not a run: a pairwise comparison
 * (it carries `variant_a`) or a manifest (a `schema` name instead of `schema_version`). Null
 * for anything else, runs included. Listing skips these quietly.
 */
export function otherArtifact(json: unknown): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  if ("variant_a" in json) return "a pairwise comparison (it has variant_a and cases)";
  if ("schema" in json && !("schema_version" in json)) {
    const schema = (json as { schema: unknown }).schema;
    return `a ${typeof schema === "string" ? JSON.stringify(schema) : "non-run"} file (it has schema, not schema_version)`;
  }
  return null;
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
