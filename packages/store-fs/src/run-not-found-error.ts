import { Ag2EvalError } from "@ag2/eval-core";

/**
 * The store has no run with this id: no `<dir>/<run_id>.json` file.
 *
 * @example
 * ```ts
 * catch (error) { if (RunNotFoundError.isInstance(error)) console.error(`no run ${error.runId}`); }
 * ```
 */
export class RunNotFoundError extends Ag2EvalError {
  static override readonly errorName: string = "RunNotFoundError";
  readonly runId: string;
  readonly path: string;

  constructor(options: { runId: string; path: string }) {
    super(
      `run store: no run with id ${JSON.stringify(options.runId)} (expected file ${options.path})`,
    );
    this.runId = options.runId;
    this.path = options.path;
  }
}
