import { type RunInfo, RunResult } from "@ag2/eval-core";
import { runInfo } from "@ag2/eval-core/internal";
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

/** The listing line of the run file text read from `path` (null: another artifact). */
export function runInfoOf(text: string, path: string): RunInfo | null {
  const json = parseJsonText(text, path);
  if (isOtherArtifact(json)) return null;
  return runInfo(RunResult.fromJSON(json, { source: path }));
}
