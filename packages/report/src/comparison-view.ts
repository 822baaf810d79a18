import { type CompareRunsOptions, compareRuns, type RunResult } from "@ag2/eval-core";
import type { ComparisonView } from "./report-data.js";

/**
 * Two runs compared by core: `compareRuns` gives each key's paired interval, p-value and
 * verdict, and the non-strict `diff` the tasks that flipped between pass and fail.
 *
 * @example
 * ```ts
 * const view = comparisonView(baseline, current, { seed: 1 });
 * view.keys.filter((k) => k.verdict === "regression").map((k) => k.key);
 * ```
 */
export function comparisonView(
  baseline: RunResult,
  current: RunResult,
  options: CompareRunsOptions = {},
): ComparisonView {
  const comparison = compareRuns(baseline, current, options);
  const diff = current.diff(baseline, { strict: false });
  const flips = [
    ...diff.flippedToFail.map(([key, taskId]) => ({ taskId, key, to: "fail" as const })),
    ...diff.flippedToPass.map(([key, taskId]) => ({ taskId, key, to: "pass" as const })),
  ];
  const differs = [
    ...describe("only in the baseline", diff.onlyInBaseline),
    ...describe("only in the current run", diff.onlyInCurrent),
    ...describe("changed content", diff.contentChanged),
  ];
  return {
    baselineRunId: comparison.baselineRunId,
    currentRunId: comparison.currentRunId,
    comparableTasks: comparison.comparableTasks.length,
    alpha: comparison.alpha,
    seed: comparison.seed,
    resamples: comparison.resamples,
    keys: comparison.keys.map((k) => ({
      key: k.key,
      kind: k.kind,
      tasks: k.tasks,
      baseline: k.baseline,
      current: k.current,
      difference: k.difference,
      ci: [k.ci[0], k.ci[1]],
      pValue: k.pValue,
      test: k.test,
      verdict: k.verdict,
      minimumDetectableDifference: k.minimumDetectableDifference,
    })),
    flips,
    problem:
      differs.length === 0 ? null : `Compared on the shared tasks only: ${differs.join("; ")}.`,
  };
}

function describe(what: string, ids: readonly string[]): string[] {
  return ids.length === 0 ? [] : [`${ids.length} task(s) ${what}`];
}
