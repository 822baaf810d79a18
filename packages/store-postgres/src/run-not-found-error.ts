import { Ag2EvalError } from "@ag2/eval-core";

/**
 * The PostgreSQL run store has no run with this id.
 *
 * @example
 * ```ts
 * catch (error) { if (PostgresRunNotFoundError.isInstance(error)) console.error(`no run ${error.runId}`); }
 * ```
 */
export class PostgresRunNotFoundError extends Ag2EvalError {
  static override readonly errorName: string = "PostgresRunNotFoundError";
  readonly runId: string;
  readonly target: string;

  constructor(options: { runId: string; target: string; schema: string }) {
    super(
      `PostgreSQL run store at ${options.target}: no run with id ${JSON.stringify(options.runId)} ` +
        `(schema "${options.schema}")`,
    );
    this.runId = options.runId;
    this.target = options.target;
  }
}
