import { groupRepeats, lastScore } from "../result/repeat-groups.js";
import type { TaskResult } from "../result/task-result.js";
import { type PairedCluster, pairedBootstrap } from "../stats/bootstrap.js";
import type { Interval } from "../stats/wilson.js";

/** Seed and resamples of `RunDiff`'s intervals: `compareRuns`' defaults, so both agree. */
export const DIFF_INTERVAL_SEED = 0;
export const DIFF_INTERVAL_RESAMPLES = 2000;

/** Paired 95% bootstrap intervals of `current − baseline`, per key. */
export interface DiffIntervals {
  readonly passRate: Record<string, Interval>;
  readonly mean: Record<string, Interval>;
}

/**
 * The 95% paired bootstrap intervals of the pass-rate and mean differences over the
 * comparable task ids. Repeats (`t1#1`, `t1#2`) of one task are resampled together, since
 * the task is the independent unit; a task counts for a key only when both sides scored it
 * with that kind of score. Computed eagerly: 1,000 tasks × 2,000 resamples take ~15 ms a
 * key (measured).
 */
export function diffIntervals(options: {
  readonly comparable: readonly string[];
  readonly current: ReadonlyMap<string, TaskResult>;
  readonly baseline: ReadonlyMap<string, TaskResult>;
  readonly passRateKeys: readonly string[];
  readonly meanKeys: readonly string[];
}): DiffIntervals {
  const { comparable, current, baseline } = options;
  const groups = [...groupRepeats(comparable.map((id) => current.get(id)!)).values()];
  const interval = (key: string, kind: "boolean" | "number"): Interval | undefined => {
    const clusters: PairedCluster[] = [];
    for (const group of groups) {
      const pick = (results: (TaskResult | undefined)[]) =>
        results
          .map((result) => (result ? lastScore(result, key) : null))
          .filter((score) => typeof score === kind)
          .map(Number);
      const cur = pick(group);
      const base = pick(group.map((result) => baseline.get(result.task.taskId)));
      if (cur.length > 0 && base.length > 0) clusters.push({ baseline: base, current: cur });
    }
    if (clusters.length === 0) return undefined;
    return pairedBootstrap(clusters, {
      seed: DIFF_INTERVAL_SEED,
      resamples: DIFF_INTERVAL_RESAMPLES,
      confidence: 0.95,
    }).ci;
  };
  const collect = (keys: readonly string[], kind: "boolean" | "number") => {
    const out: Record<string, Interval> = {};
    for (const key of keys) {
      const ci = interval(key, kind);
      if (ci) out[key] = ci;
    }
    return out;
  };
  return {
    passRate: collect(options.passRateKeys, "boolean"),
    mean: collect(options.meanKeys, "number"),
  };
}
