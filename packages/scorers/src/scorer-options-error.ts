import { Ag2EvalError } from "@ag2/eval-core";

/**
 * A scorer factory was given options it cannot work with. Thrown when the scorer is built,
 * never while grading, so a misconfigured scorer fails before any task runs.
 *
 * @example
 * ```ts
 * try { threshold(myScorer, {}); }
 * catch (error) { if (ScorerOptionsError.isInstance(error)) console.error(error.message); }
 * ```
 */
export class ScorerOptionsError extends Ag2EvalError {
  static override readonly errorName: string = "ScorerOptionsError";
}
