import { RunResult } from "@ag2/eval";
import { visibleData } from "../terminal/visible-text.js";

/**
 * A copy of a run in which every string (task ids, inputs, outputs, errors, comments, labels,
 * feedback keys) is made visible-safe, for formatting as text. Statistics and gates are
 * computed on the run itself; only what is printed goes through this copy.
 *
 * @example
 * ```ts
 * io.stdout.write(`${visibleRun(result).summary()}\n`);
 * ```
 */
export function visibleRun(result: RunResult): RunResult {
  return RunResult.fromJSON(visibleData(result.toJSON()));
}
