import type { Trace } from "../trace/trace.js";

/**
 * Per-task limits, checked after each task. Comparisons are strict, as in the reference: a
 * task exactly at a limit passes. Exceeding a limit flags the task; it never aborts the run.
 *
 * @example
 * ```ts
 * const budgets: BudgetThresholds = { maxTokensPerTask: 4_000, maxToolCallsPerTask: 8 };
 * ```
 */
export interface BudgetThresholds {
  readonly maxTokensPerTask?: number | null | undefined;
  readonly maxSecondsPerTask?: number | null | undefined;
  readonly maxToolCallsPerTask?: number | null | undefined;
  readonly maxModelCallsPerTask?: number | null | undefined;
}

/** One exceeded limit: which one, its threshold and the value the task reached. */
export interface BudgetViolation {
  readonly limit: keyof BudgetThresholds;
  readonly threshold: number;
  readonly actual: number;
}

/** The limits a trace exceeds, in the order of {@link BudgetThresholds}' fields. */
export function budgetViolations(
  budgets: BudgetThresholds | null | undefined,
  trace: Trace,
): BudgetViolation[] {
  if (!budgets) return [];
  const measured: [keyof BudgetThresholds, () => number][] = [
    ["maxTokensPerTask", () => trace.tokens.total],
    ["maxSecondsPerTask", () => trace.durationMs / 1000],
    ["maxToolCallsPerTask", () => trace.eventsOf("ToolCallEvent").length],
    ["maxModelCallsPerTask", () => trace.eventsOf("ModelResponse").length],
  ];
  const violations: BudgetViolation[] = [];
  for (const [limit, measure] of measured) {
    const threshold = budgets[limit];
    if (threshold === null || threshold === undefined) continue;
    const actual = measure();
    if (actual > threshold) violations.push({ limit, threshold, actual });
  }
  return violations;
}
