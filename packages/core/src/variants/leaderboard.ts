import type { RunResult } from "../run-result/run-result.js";

/**
 * One variant's place on a key: its score (pass rate, or mean of a numeric key), how many
 * results that score rests on, and its competition rank (ties share a rank: 1, 1, 1, 4).
 *
 * @example
 * ```ts
 * const [top]: LeaderboardRow[] = sweep.leaderboard("correct");
 * console.log(top?.variant, top?.score, top?.rank);
 * ```
 */
export interface LeaderboardRow {
  readonly variant: string;
  readonly score: number;
  readonly n: number;
  readonly rank: number;
}

/**
 * Ranks runs on one key: a run's score is its pass rate when the key has boolean
 * scores in it (n = its task runs), else the mean of the key (n = its numeric scores; 0 and 0
 * when absent). Sorted by score, best first, keeping the given order among equals: highest
 * first, or lowest first for a numeric key a run records as `"lower"` (latency, cost).
 *
 * @example
 * ```ts
 * leaderboard(new Map([["a", runA], ["b", runB]]), "correct");
 * ```
 */
export function leaderboard(
  results: ReadonlyMap<string, RunResult>,
  key: string,
): LeaderboardRow[] {
  const runs = [...results.values()];
  const passRate = runs.some((run) => key in run.aggregates.passRate);
  const lower = !passRate && runs.some((run) => run.scoreDirections[key] === "lower");
  const scored = [...results].map(([variant, run]) =>
    key in run.aggregates.passRate
      ? { variant, score: run.passRate(key), n: run.tasks.length }
      : { variant, score: run.scoreStats(key).mean, n: run.scoreStats(key).n },
  );
  const better = (x: number, y: number): number => (lower ? x - y : y - x);
  // Array.prototype.sort is stable, so ties keep the variants' order.
  const sorted = [...scored].sort((x, y) => better(x.score, y.score));
  return sorted.map((row) => ({
    ...row,
    rank: 1 + scored.filter((other) => better(other.score, row.score) < 0).length,
  }));
}
