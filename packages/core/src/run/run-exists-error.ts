import { Ag2EvalError } from "../errors/ag2-eval-error.js";

/**
 * `runAgent` was given the id of a run its store already holds (a saved run, or the journal
 * of one that did not finish) without `overwrite: true` or `resume`. Raised before any task
 * runs; nothing in the store is changed. `runId` names the run.
 *
 * @example
 * ```ts
 * try { await runAgent(suite, { ...options, runId: "nightly-42" }); }
 * catch (error) { if (RunExistsError.isInstance(error)) console.error(error.runId); }
 * ```
 */
export class RunExistsError extends Ag2EvalError {
  static override readonly errorName: string = "RunExistsError";
  readonly runId: string;

  constructor(runId: string) {
    super(
      `run ${runId} already exists in the store (a saved run, or the journal of a run that did not finish); ` +
        "expected a new run id: overwrite replaces that run, resume continues an unfinished one",
    );
    this.runId = runId;
  }
}
