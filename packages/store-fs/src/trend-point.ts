import type { RunInfo } from "@ag2/eval-core";

/**
 * One run on a label's trend line: when it ran and its headline numbers.
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
  return {
    runId: info.runId,
    createdAt: info.createdAt,
    passRate: info.passRate,
    scoreMeans: info.scoreMeans,
    errors: info.errors,
  };
}

/**
 * Newest first: by the instant of `createdAt`, then by its text (sub-millisecond digits),
 * then by run id so the order is total. Runs without a readable time sort last.
 */
export function compareNewestFirst(a: RunInfo, b: RunInfo): number {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  const validA = !Number.isNaN(ta);
  const validB = !Number.isNaN(tb);
  if (validA !== validB) return validA ? -1 : 1;
  if (validA && ta !== tb) return tb - ta;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0;
}
