import { Ag2EvalError } from "../errors/ag2-eval-error.js";
import { percentile } from "./percentile.js";
import { seededRandom } from "./seeded-random.js";
import type { Interval } from "./wilson.js";

/** The scores of one task on both sides of a comparison: one per repeat (at least one each). */
export interface PairedCluster {
  readonly baseline: readonly number[];
  readonly current: readonly number[];
}

/** Options of the resampling statistics. */
export interface ResamplingOptions {
  /** Seed of the pseudo-random generator; the same seed gives the same answer. Default 0. */
  readonly seed?: number;
  /** Number of resamples. Default 2000. */
  readonly resamples?: number;
  /** Two-sided confidence level of the interval. Default 0.95. */
  readonly confidence?: number;
}

/** A difference of means with its bootstrap interval. */
export interface BootstrapEstimate {
  /** Mean over tasks of (current mean − baseline mean); 0 with no tasks. */
  readonly difference: number;
  readonly ci: Interval;
}

/**
 * The per-task differences a paired comparison rests on: each task's mean over its current
 * repeats minus its mean over its baseline repeats. Averaging the repeats first is what
 * keeps repeats of one task together: the task, not the repeat, is the independent unit.
 *
 * @example
 * ```ts
 * taskDifferences([{ baseline: [1, 0], current: [1, 1] }]); // [0.5]
 * ```
 */
export function taskDifferences(clusters: readonly PairedCluster[]): number[] {
  return clusters.map((cluster, index) => {
    if (cluster.baseline.length === 0 || cluster.current.length === 0) {
      throw new Ag2EvalError(
        `taskDifferences: cluster ${index} has no score on one side; got ${cluster.baseline.length} baseline and ${cluster.current.length} current, expected at least 1 each`,
      );
    }
    return mean(cluster.current) - mean(cluster.baseline);
  });
}

/**
 * Paired bootstrap interval (percentile method) of the mean difference between current and
 * baseline. It resamples whole tasks with replacement, so repeats of a task move together,
 * and is deterministic for a seed.
 *
 * @example
 * ```ts
 * const { difference, ci } = pairedBootstrap(clusters, { seed: 0, resamples: 2000 });
 * if (ci[1] < 0) console.log("current is worse");
 * ```
 */
export function pairedBootstrap(
  clusters: readonly PairedCluster[],
  options: ResamplingOptions = {},
): BootstrapEstimate {
  const { seed = 0, resamples = 2000, confidence = 0.95 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new Ag2EvalError(
      `pairedBootstrap: resamples must be a positive integer; got ${resamples}`,
    );
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new Ag2EvalError(`pairedBootstrap: confidence must be in (0, 1); got ${confidence}`);
  }
  const diffs = taskDifferences(clusters);
  const n = diffs.length;
  if (n === 0) return { difference: 0, ci: [0, 0] };
  const random = seededRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += diffs[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  const sorted = Array.from(means);
  const tail = (1 - confidence) / 2;
  return { difference: mean(diffs), ci: [percentile(sorted, tail), percentile(sorted, 1 - tail)] };
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
