import { readFile } from "node:fs/promises";
import { type RunInfo, RunResult, runInfo } from "@ag2/eval-core";
import { parseJsonText } from "./load-run.js";

/**
 * True for JSON files that ag2-eval writes beside runs but that are not runs: pairwise runs
 * (they carry `variant_a`) and manifests (they carry a `schema` name instead of
 * `schema_version`). Listing skips them quietly.
 */
export function isOtherArtifact(json: unknown): boolean {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  if ("variant_a" in json) return true;
  return "schema" in json && !("schema_version" in json);
}

/** The listing line of one run file, or null when the file is another kind of artifact. */
export async function readRunInfo(path: string): Promise<RunInfo | null> {
  const json = parseJsonText(await readFile(path, "utf8"), path);
  if (isOtherArtifact(json)) return null;
  return runInfo(RunResult.fromJSON(json, { source: path }));
}
