import { type RunInfo, RunResult } from "@ag2/eval-core";
import { runInfo } from "@ag2/eval-core/internal";
import { otherArtifact, parseJsonText } from "./load-run.js";

/** The listing line of the run file text read from `path` (null: another artifact). */
export function runInfoOf(text: string, path: string): RunInfo | null {
  const json = parseJsonText(text, path);
  if (otherArtifact(json) !== null) return null;
  return runInfo(RunResult.fromJSON(json, { source: path }));
}
