import type { VariantRunResult } from "@ag2/eval-core";
import { wilsonInterval } from "@ag2/eval-core/stats";
import type { VariantsView } from "./report-data.js";

/**
 * A sweep's leaderboards from core (`VariantRunResult.leaderboard`), with a Wilson interval
 * on each pass rate. `runIndexOf` maps a variant to its run's place in the report.
 *
 * @example
 * ```ts
 * const view = variantsView(sweep, (variant) => [...sweep.results.keys()].indexOf(variant));
 * view.leaderboards[0]?.rows[0]?.variant; // the best variant on the first key
 * ```
 */
export function variantsView(
  sweep: VariantRunResult,
  runIndexOf: (variant: string) => number,
): VariantsView {
  const runs = [...sweep.results.values()];
  const keys = [
    ...new Set(runs.flatMap((run) => run.tasks.flatMap((t) => t.feedback.map((fb) => fb.key)))),
  ];
  return {
    runId: sweep.runId,
    axis: sweep.axis,
    label: sweep.label,
    createdAt: sweep.createdAt,
    durationMs: sweep.durationMs,
    keys,
    leaderboards: keys.map((key) => {
      const isRate = runs.some((run) => key in run.aggregates.passRate);
      return {
        key,
        rows: sweep.leaderboard(key).map((row) => {
          const ci = isRate && row.n > 0 ? wilsonInterval(row.score, row.n) : null;
          return {
            variant: row.variant,
            score: row.score,
            n: row.n,
            rank: row.rank,
            ci: ci ? [ci[0], ci[1]] : null,
            runIndex: runIndexOf(row.variant),
          };
        }),
      };
    }),
    failures: [...sweep.failures].map(([variant, error]) => ({
      variant,
      type: error.type,
      message: error.message,
    })),
  };
}
