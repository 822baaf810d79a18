import { Ag2EvalError } from "./ag2-eval-error.js";

/**
 * A value nested deeper than the depth limit (`MAX_JSON_DEPTH`, 512 levels): an agent's
 * answer, or a value the run writer was asked to save. It is recorded on that task (error type
 * `TooDeepError`); the run goes on and its other tasks are saved.
 *
 * @example
 * ```ts
 * result.tasks.filter((t) => t.trace.exception?.type === "TooDeepError");
 * ```
 */
export class TooDeepError extends Ag2EvalError {
  static override readonly errorName: string = "TooDeepError";
  /** Where the first too-deep array or object sits, e.g. `outputs.answer[0][0]`. */
  readonly path: string;
  readonly limit: number;

  constructor(what: string, problem: { readonly path: string; readonly limit: number }) {
    super(
      `${what} nests deeper than ${problem.limit} levels (at ${problem.path}); expected at most ${problem.limit} nested arrays or objects`,
    );
    this.path = problem.path;
    this.limit = problem.limit;
  }
}
