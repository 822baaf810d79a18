import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { groupRepeats, lastScore } from "../result/repeat-groups.js";
import type { RunData } from "../result/run-data.js";
import type { TaskResult } from "../result/task-result.js";
import { type PairedCluster, pairedBootstrap, taskDifferences } from "../stats/bootstrap.js";
import { mcnemarExact } from "../stats/mcnemar.js";
import { minimumDetectableDifference } from "../stats/minimum-detectable-difference.js";
import { signFlipTest } from "../stats/permutation.js";
import { stableJson } from "../util/stable-json.js";
import { type KeyComparison, RunComparison } from "./run-comparison.js";

/** Options of {@link compareRuns}. */
export interface CompareRunsOptions {
  /** Seed of the bootstrap and Monte Carlo permutation. Default 0. */
  readonly seed?: number;
  /** Resamples of the bootstrap (and permutation draws past 16 tasks). Default 2000. */
  readonly resamples?: number;
  /** Significance level; the interval is at 1 − alpha. Default 0.05. */
  readonly alpha?: number;
  /**
   * Numeric keys where a smaller value is better (latency, cost): flips their verdicts. Added
   * to the keys either run records as `"lower"` in `scoreDirections` (from the scorers'
   * `direction`).
   */
  readonly lowerIsBetter?: readonly string[];
}

/**
 * Compares two runs of the same suite task by task and says, per feedback key, whether the
 * difference is signal or noise. Only comparable tasks count (in both runs with the same
 * inputs and reference outputs, as for `RunDiff`); repeats of a task are grouped, so a task,
 * not a repeat, is the independent unit.
 *
 * - boolean keys: pass-rate difference, paired bootstrap interval over tasks, and the exact
 *   McNemar p-value on discordant tasks when every task ran once on each side; with repeats,
 *   the sign-flip test on per-task pass-rate differences (repeats are not independent);
 * - numeric keys: mean difference, paired bootstrap interval, and the paired sign-flip
 *   permutation p-value on per-task differences;
 * - `test` names the test used per key;
 * - verdict: "regression" or "improvement" only when p < alpha, the interval excludes 0 and
 *   some difference is detectable with this many tasks (`minimumDetectableDifference` not null).
 *
 * Deterministic for a seed.
 *
 * @example
 * ```ts
 * const comparison = compareRuns(await store.load("nightly-41"), await store.load("nightly-42"));
 * if (comparison.regressions.length > 0) process.exitCode = 1;
 * console.log(comparison.summary());
 * ```
 */
export function compareRuns(
  baseline: RunData,
  current: RunData,
  options: CompareRunsOptions = {},
): RunComparison {
  const { seed = 0, resamples = 2000, alpha = 0.05 } = options;
  const lowerIsBetter = new Set(options.lowerIsBetter ?? []);
  for (const run of [baseline, current]) {
    for (const [key, direction] of Object.entries(run.scoreDirections ?? {})) {
      if (direction === "lower") lowerIsBetter.add(key);
    }
  }
  if (!(alpha > 0 && alpha < 1)) {
    throw new InvalidOptionError(
      "alpha",
      `compareRuns: option 'alpha' must be in (0, 1); got ${alpha}`,
    );
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new InvalidOptionError(
      "resamples",
      `compareRuns: option 'resamples' must be a positive integer; got ${resamples}`,
    );
  }
  const base = groupRepeats(baseline.tasks);
  const cur = groupRepeats(current.tasks);
  const comparable = [...cur.keys()]
    .filter((id) => base.has(id) && sameContent(base.get(id)![0]!, cur.get(id)![0]!))
    .sort();
  const keys = new Set<string>();
  for (const id of comparable) {
    for (const r of [...base.get(id)!, ...cur.get(id)!])
      for (const fb of r.feedback) keys.add(fb.key);
  }
  const results: KeyComparison[] = [];
  for (const key of [...keys].sort()) {
    const scores = (group: TaskResult[]) => group.map((r) => lastScore(r, key));
    const rows = comparable.map((id) => ({ b: scores(base.get(id)!), c: scores(cur.get(id)!) }));
    const isBool = rows.some((row) => [...row.b, ...row.c].some((s) => typeof s === "boolean"));
    const pick = (values: (boolean | number | null)[]) =>
      values.filter((s) => (isBool ? typeof s === "boolean" : typeof s === "number")).map(Number);
    const clusters: PairedCluster[] = rows
      .map((row) => ({ baseline: pick(row.b), current: pick(row.c) }))
      .filter((c) => c.baseline.length > 0 && c.current.length > 0);
    if (clusters.length === 0) continue;
    const diffs = taskDifferences(clusters);
    const { difference, ci } = pairedBootstrap(clusters, {
      seed,
      resamples,
      confidence: 1 - alpha,
    });
    // McNemar counts repeat pairs as independent; with repeats the task is the unit, so the
    // boolean key gets the same task-level sign-flip test as a numeric one
    const repeated = clusters.some((c) => c.baseline.length > 1 || c.current.length > 1);
    const useMcnemar = isBool && !repeated;
    let pValue: number;
    let discordant: KeyComparison["discordant"] = null;
    if (useMcnemar) {
      let toFail = 0;
      let toPass = 0;
      for (const cluster of clusters) {
        if (cluster.baseline[0] === 1 && cluster.current[0] === 0) toFail++;
        if (cluster.baseline[0] === 0 && cluster.current[0] === 1) toPass++;
      }
      discordant = { toFail, toPass };
      pValue = mcnemarExact(toFail, toPass);
    } else {
      pValue = signFlipTest(diffs, { seed, resamples });
    }
    const mean = (side: "baseline" | "current") =>
      clusters.reduce((sum, c) => sum + c[side].reduce((s, v) => s + v, 0) / c[side].length, 0) /
      clusters.length;
    const better = lowerIsBetter.has(key) ? -difference : difference;
    const mdd = minimumDetectableDifference({ differences: diffs, binary: isBool, alpha });
    // no verdict where the minimum detectable difference says none is possible
    const significant = mdd !== null && pValue < alpha && (ci[0] > 0 || ci[1] < 0);
    results.push({
      key,
      kind: isBool ? "pass-rate" : "mean",
      tasks: clusters.length,
      baseline: mean("baseline"),
      current: mean("current"),
      difference,
      ci,
      pValue,
      test: useMcnemar ? "mcnemar-exact" : "sign-flip-permutation",
      discordant,
      verdict: !significant
        ? "no-detectable-difference"
        : better > 0
          ? "improvement"
          : "regression",
      minimumDetectableDifference: mdd,
    });
  }
  return new RunComparison({
    baselineRunId: baseline.runId,
    currentRunId: current.runId,
    comparableTasks: comparable,
    keys: results,
    alpha,
    seed,
    resamples,
  });
}

function sameContent(a: TaskResult, b: TaskResult): boolean {
  return (
    stableJson(a.task.inputs) === stableJson(b.task.inputs) &&
    stableJson(a.task.referenceOutputs) === stableJson(b.task.referenceOutputs)
  );
}
