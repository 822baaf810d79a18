import { RunResult } from "@ag2/eval";
import { holdsActiveText, visibleData } from "../terminal/visible-text.js";

/** Each run's escaped copy, so a run printed twice (watch, diff) is copied once. */
const copies = new WeakMap<RunResult, RunResult>();

/**
 * The run with every string (task ids, inputs, outputs, errors, comments, labels, feedback
 * keys) made visible-safe, for formatting as text: the run itself when none needs escaping
 * (most runs: one walk over its strings, no copy), else a copy rebuilt from its escaped run
 * file. Statistics and gates are computed on the run itself; only what is printed goes
 * through this.
 *
 * @example
 * ```ts
 * io.stdout.write(`${visibleRun(result).summary()}\n`);
 * ```
 */
export function visibleRun(result: RunResult): RunResult {
  const known = copies.get(result);
  if (known) return known;
  const shown = holdsActiveText(result) ? RunResult.fromJSON(visibleData(result.toJSON())) : result;
  copies.set(result, shown);
  return shown;
}
