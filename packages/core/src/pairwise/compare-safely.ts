import type { Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import type { Trace } from "../trace/trace.js";
import { withDeadline } from "../util/with-deadline.js";
import type { PairwiseComparator, PairwiseOutcome } from "./pairwise-types.js";

/**
 * One comparator's verdict on one pair, never a rejection: a comparator that throws, answers
 * something other than a/b/tie, or gives no answer within `timeoutMs` yields a tie whose
 * `reasoning` says why, with `detail: { error: true }`.
 */
export async function compareSafely(
  comparator: PairwiseComparator,
  pair: { task: Task; traceA: Trace; traceB: Trace },
  timeoutMs: number,
): Promise<PairwiseOutcome> {
  const { task, traceA, traceB } = pair;
  let outcome: PairwiseOutcome;
  try {
    const context = { task, traceA, traceB, referenceOutputs: task.referenceOutputs };
    const timedOut: PairwiseOutcome = {
      winner: "tie",
      reasoning: `comparator timed out: no answer within ${timeoutMs} ms (comparatorTimeoutMs, --comparator-timeout)`,
      detail: { error: true },
    };
    outcome = await withDeadline(
      Promise.resolve(comparator.compare(context)),
      timeoutMs,
      () => timedOut,
    );
    if (outcome === timedOut) return timedOut;
  } catch (error) {
    const info = toErrorInfo(error);
    return {
      winner: "tie",
      reasoning: `comparator raised: ${info.type}: ${info.message}`,
      detail: { error: true },
    };
  }
  const winner: unknown = outcome?.winner;
  if (winner !== "a" && winner !== "b" && winner !== "tie") {
    return {
      winner: "tie",
      reasoning: `comparator returned winner ${JSON.stringify(winner)}; expected "a", "b" or "tie"`,
      detail: { error: true },
    };
  }
  return outcome;
}
