import type { PairwiseRunResult } from "@ag2/eval-core";
import type { PairwiseView } from "./report-data.js";

/**
 * A pairwise run's win rates (with core's Wilson intervals), position flips and cases.
 *
 * @example
 * ```ts
 * const view = pairwiseView(result);
 * view.winRates.map((w) => `${w.key}: ${w.rate}`);
 * ```
 */
export function pairwiseView(result: PairwiseRunResult): PairwiseView {
  return {
    runId: result.runId,
    label: result.label,
    createdAt: result.createdAt,
    durationMs: result.durationMs,
    variantA: result.variantA,
    variantB: result.variantB,
    nPairs: result.nPairs,
    keys: [...result.keys],
    winRates: result.keys.map((key) => {
      const rate = result.winRate(key);
      return {
        key,
        variant: rate.variant,
        rate: rate.rate,
        wins: rate.wins,
        losses: rate.losses,
        ties: rate.ties,
        n: rate.n,
        ci: [rate.ci[0], rate.ci[1]],
        flips: result.flips(key),
      };
    }),
    cases: result.cases.map((c) => ({
      taskId: c.taskId,
      key: c.key,
      winner: c.winner,
      reasoning: c.reasoning,
    })),
    warnings: [...result.warnings],
  };
}
