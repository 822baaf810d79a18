import { percentile } from "../stats/percentile.js";
import { addTokenUsage, type TokenUsage, tokenUsage } from "../trace/token-usage.js";
import type { TaskResult } from "./task-result.js";

/** Mean and linear-interpolated percentiles of one numeric feedback key. */
export interface ScoreStats {
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

/** Everything a run's results add up to, computed once. */
export interface Aggregates {
  /** Share of `true` among boolean scores, per key; numbers never count as passes. */
  readonly passRate: Readonly<Record<string, number>>;
  readonly scoreStats: Readonly<Record<string, ScoreStats>>;
  readonly valueCounts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly tokens: TokenUsage;
  /** Tasks whose trace carries an exception. */
  readonly errors: number;
  readonly budgetViolations: number;
}

/** The empty statistics returned for a key with no numeric scores. */
export const EMPTY_SCORE_STATS: ScoreStats = Object.freeze({ mean: 0, p50: 0, p95: 0, n: 0 });

/** Mean, p50, p95 and count of a list of numbers. */
export function scoreStatsOf(values: readonly number[]): ScoreStats {
  if (values.length === 0) return EMPTY_SCORE_STATS;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { mean, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), n: values.length };
}

/** Aggregates the feedback, tokens, errors and budget flags of task results. */
export function computeAggregates(tasks: Iterable<TaskResult>): Aggregates {
  const bools = new Map<string, boolean[]>();
  const numbers = new Map<string, number[]>();
  const valueCounts: Record<string, Record<string, number>> = {};
  let tokens = tokenUsage();
  let errors = 0;
  let budgetViolations = 0;
  for (const result of tasks) {
    for (const fb of result.feedback) {
      if (typeof fb.score === "boolean") push(bools, fb.key, fb.score);
      else if (typeof fb.score === "number") push(numbers, fb.key, fb.score);
      if (fb.value !== null && fb.value !== undefined) {
        const counts = valueCounts[fb.key] ?? {};
        counts[fb.value] = (counts[fb.value] ?? 0) + 1;
        valueCounts[fb.key] = counts;
      }
    }
    tokens = addTokenUsage(tokens, result.trace.tokens);
    if (result.trace.exception) errors++;
    if (result.budgetViolation) budgetViolations++;
  }
  const passRate: Record<string, number> = {};
  for (const [key, outcomes] of bools) {
    passRate[key] = outcomes.filter(Boolean).length / outcomes.length;
  }
  const scoreStats: Record<string, ScoreStats> = {};
  for (const [key, values] of numbers) scoreStats[key] = scoreStatsOf(values);
  return { passRate, scoreStats, valueCounts, tokens, errors, budgetViolations };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
