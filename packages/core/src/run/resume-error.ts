import { Ag2EvalError } from "../errors/ag2-eval-error.js";

/**
 * `runAgent({ resume })` cannot continue the run: it is already finished, it has no journal,
 * or its journal was written for other tasks. `runId` names the run.
 *
 * @example
 * ```ts
 * try { await runAgent(suite, { ...options, resume: "3f2a…" }); }
 * catch (error) { if (ResumeError.isInstance(error)) console.error(error.message); }
 * ```
 */
export class ResumeError extends Ag2EvalError {
  static override readonly errorName: string = "ResumeError";
  readonly runId: string;

  constructor(runId: string, message: string) {
    super(message);
    this.runId = runId;
  }
}
