/**
 * Which run-wide budget stopped a run (see `runBudget` of `runAgent`).
 *
 * @example
 * ```ts
 * const tokensRanOut = (reason: StopReason) => reason.budget === ("tokens" satisfies BudgetName);
 * ```
 */
export type BudgetName = "tokens" | "costUsd" | "durationMs";

/**
 * Why a run stopped before grading every task: the run-wide budget that was reached, its
 * limit and what had been used when the next task was about to start. A stopped run is saved
 * with only its graded tasks, keeps its journal, and completes with `resume` once the budget
 * is raised.
 *
 * @example
 * ```ts
 * const result = await runAgent(suite, { ...options, runBudget: { maxTokens: 50_000 } });
 * if (result.stopReason) console.log(`stopped: ${result.stopReason.budget} ${result.stopReason.used}/${result.stopReason.limit}`);
 * ```
 */
export interface StopReason {
  readonly budget: BudgetName;
  readonly limit: number;
  readonly used: number;
}
