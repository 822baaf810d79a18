import { Ag2EvalError } from "../errors/ag2-eval-error.js";

/**
 * `RunResult#diff` in strict mode found that the two runs did not grade the same eval: tasks
 * or scorers present in only one run, or tasks whose inputs or references changed. The
 * message lists every mismatch; `{ strict: false }` diffs the overlap instead.
 *
 * @example
 * ```ts
 * try { current.diff(baseline); }
 * catch (error) { if (RunsNotComparableError.isInstance(error)) console.error(error.problems); }
 * ```
 */
export class RunsNotComparableError extends Ag2EvalError {
  static override readonly errorName: string = "RunsNotComparableError";
  /** One line per mismatch, as listed in the message. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      "these runs didn't grade the same eval —\n" +
        `${problems.map((problem) => `  • ${problem}`).join("\n")}\n` +
        "Pass strict=False to diff the overlap anyway (the mismatches are reported on the RunDiff).",
    );
    this.problems = Object.freeze([...problems]);
  }
}
