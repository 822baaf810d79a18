import { Ag2EvalError } from "../errors/ag2-eval-error.js";

/**
 * A run whose work can never finish: tasks were still pending when nothing was left that
 * could settle them (a promise that never resolves and holds no timer). The finished tasks
 * stay in the run's journal, so `resume` runs only the pending ones again.
 *
 * @example
 * ```ts
 * try { await runAgent(suite, { ...options, catchStrayErrors: true }); }
 * catch (error) { if (RunNeverSettledError.isInstance(error)) console.error(error.pending); }
 * ```
 */
export class RunNeverSettledError extends Ag2EvalError {
  static override readonly errorName: string = "RunNeverSettledError";
  /** Each pending task and what it waited on: `"a (agent)"`, `"b (scorer correct)"`. */
  readonly pending: readonly string[];

  constructor(runId: string, pending: readonly string[]) {
    super(
      `run ${runId} can never finish: ${pending.length} task(s) never settled (a promise that ` +
        `never resolves and holds no timer): ${pending.join(", ")}`,
    );
    this.pending = pending;
  }
}
