import type { RunInfo } from "@ag2/eval-core";

/**
 * One run on a label's trend line: when it ran and its headline numbers (the same shape as
 * `@ag2/eval-store-fs`'s).
 *
 * @example
 * ```ts
 * for (const point of await store.trend("nightly")) console.log(point.createdAt, point.passRate.correct);
 * ```
 */
export interface TrendPoint {
  readonly runId: string;
  readonly createdAt: string;
  /** Pass rate per boolean key. */
  readonly passRate: Readonly<Record<string, number>>;
  /** Mean per numeric key. */
  readonly scoreMeans: Readonly<Record<string, number>>;
  readonly errors: number;
}

/** The trend point of a listed run. */
export function trendPointOf(info: RunInfo): TrendPoint {
  const { runId, createdAt, passRate, scoreMeans, errors } = info;
  return { runId, createdAt, passRate, scoreMeans, errors };
}
