import type { RunStore } from "@ag2/eval";
import { visibleRun } from "../output/visible-run.js";

/**
 * What changed in a run against the previous run of a watch session: per-key pass-rate and
 * mean deltas and the tasks that flipped (core's diff text, over the tasks both runs share,
 * as a change of scorers or suite is the point of watching). Null when either run cannot be
 * loaded.
 *
 * @example
 * ```ts
 * const text = await changesSince({ store, runId, previousRunId });
 * if (text) io.stdout.write(text);
 * ```
 */
export async function changesSince(options: {
  store: RunStore;
  runId: string;
  previousRunId: string;
}): Promise<string | null> {
  const { store } = options;
  let current: Awaited<ReturnType<RunStore["load"]>>;
  let previous: Awaited<ReturnType<RunStore["load"]>>;
  try {
    [current, previous] = await Promise.all([
      store.load(options.runId),
      store.load(options.previousRunId),
    ]);
  } catch {
    return null;
  }
  const diff = visibleRun(current).diff(visibleRun(previous), { strict: false });
  return `\nChanges since the previous run of this session:\n${diff.summary({ intervals: false })}\n`;
}
