import { type Scorer, scorer } from "@ag2/eval-core";
import { erroredTaskFeedback } from "./internal/errored-task.js";

/**
 * Passes when the run used at most `maxTokens` tokens (input + output, cache excluded).
 * The bound is inclusive, unlike `BudgetThresholds`, which flags only totals above it
 * (a difference kept from the reference). Key `token_budget`; boolean score; a task whose
 * agent threw fails.
 *
 * Use when token spend per task must stay under a ceiling in CI.
 * Avoid when models differ in price; use {@link cost} to compare dollars instead.
 *
 * @example
 * ```ts
 * const scorers = [tokenBudget(2_000)];
 * ```
 */
export function tokenBudget(maxTokens: number): Scorer {
  const key = "token_budget";
  return scorer(
    ({ trace }) => {
      const errored = erroredTaskFeedback(trace, { pass: key });
      if (errored) return errored;
      const total = trace.tokens.total;
      return { key, score: total <= maxTokens, detail: { total, maxTokens } };
    },
    { key },
  );
}
