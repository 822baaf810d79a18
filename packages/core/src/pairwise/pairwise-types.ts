import type { Interval } from "../stats/wilson.js";
import type { Task } from "../suite/task.js";
import type { Trace } from "../trace/trace.js";
import type { PairwiseRunResult } from "./pairwise-run-result.js";

/** Which side a comparator preferred: `"a"`, `"b"`, or neither. */
export type PairwiseWinner = "a" | "b" | "tie";

/**
 * A comparator's verdict on one pair of traces.
 *
 * @example
 * ```ts
 * const outcome: PairwiseOutcome = { winner: "b", reasoning: "B cited its source" };
 * ```
 */
export interface PairwiseOutcome {
  readonly winner: PairwiseWinner;
  readonly reasoning?: string | null;
  /** JSON-safe evidence; a position-swapping judge records `order1` / `order2` here. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** What a {@link PairwiseComparator} is asked to compare. */
export interface PairwiseCompareContext {
  readonly task: Task;
  readonly traceA: Trace;
  readonly traceB: Trace;
  readonly referenceOutputs: Task["referenceOutputs"];
}

/**
 * Decides, for one task, which of two traces is better on one criterion (`key`).
 * A comparator that throws is recorded as a tie; it never stops the run.
 *
 * @example
 * ```ts
 * const shorter: PairwiseComparator = {
 *   key: "shorter",
 *   compare: ({ traceA, traceB }) => ({
 *     winner: traceA.events.length === traceB.events.length ? "tie"
 *       : traceA.events.length < traceB.events.length ? "a" : "b",
 *   }),
 * };
 * ```
 */
export interface PairwiseComparator {
  readonly key: string;
  compare(context: PairwiseCompareContext): PairwiseOutcome | Promise<PairwiseOutcome>;
}

/**
 * One recorded comparison: task, comparator key, winner and the comparator's evidence.
 *
 * @example
 * ```ts
 * const c: PairwiseCase = { taskId: "t1", key: "helpful", winner: "a", reasoning: null, detail: {} };
 * ```
 */
export interface PairwiseCase {
  readonly taskId: string;
  readonly key: string;
  readonly winner: PairwiseWinner;
  readonly reasoning: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

/**
 * How often variant B beat variant A on one key (a tie counts half), with its Wilson 95%
 * interval.
 *
 * @example
 * ```ts
 * const { rate, ci } = result.winRate("helpful"); // 0.625, [0.219, 0.908]
 * ```
 */
export interface WinRate {
  /** The name of variant B, whose win rate this is. */
  readonly variant: string;
  readonly rate: number;
  /** B's wins. */
  readonly wins: number;
  /** A's wins. */
  readonly losses: number;
  readonly ties: number;
  readonly n: number;
  readonly ci: Interval;
}

/**
 * How far two comparator keys agree over the tasks both decided.
 *
 * @example
 * ```ts
 * const { rate, cohenKappa, disagreements } = result.agreement("judge", "human");
 * ```
 */
export interface Agreement {
  readonly rate: number;
  readonly cohenKappa: number;
  readonly n: number;
  /** `[taskId, winnerX, winnerY]` for each task where the keys differ, in sorted task order. */
  readonly disagreements: readonly (readonly [string, PairwiseWinner, PairwiseWinner])[];
}

/** What a {@link PairwiseRunResult} is built from: its fields, `label`, `warnings` and `saveError` optional. */
export interface PairwiseRunResultInit
  extends Pick<
      PairwiseRunResult,
      "runId" | "createdAt" | "durationMs" | "variantA" | "variantB" | "nPairs" | "keys" | "cases"
    >,
    Partial<Pick<PairwiseRunResult, "label" | "warnings" | "saveError">> {}

/** The JSON form of a {@link PairwiseRunResult}. */
export interface PairwiseRunJson {
  schema_version: "0.1";
  run_id: string;
  label: string | null;
  created_at: string;
  duration_ms: number;
  variant_a: string;
  variant_b: string;
  n_pairs: number;
  keys: string[];
  win_rates: Record<
    string,
    {
      variant: string;
      rate: number;
      wins: number;
      losses: number;
      ties: number;
      n: number;
      ci: [number, number];
    }
  >;
  flips: Record<string, number>;
  cases: {
    task_id: string;
    key: string;
    winner: PairwiseWinner;
    reasoning: string | null;
    detail: Record<string, unknown>;
  }[];
  /** Present only when there were warnings, so files of clean comparisons are unchanged. */
  warnings?: string[];
}
