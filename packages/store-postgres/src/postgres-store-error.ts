import { Ag2EvalError } from "@ag2/eval-core";

/**
 * A PostgreSQL run store operation failed: the server could not be reached or did not answer
 * in time, a query failed, or the connection dropped in the middle of a transaction (which
 * PostgreSQL then rolls back: nothing of that save is visible). Names the server as
 * `host:port/database`, never the password; the driver's error is the `cause`.
 *
 * @example
 * ```ts
 * catch (error) { if (PostgresStoreError.isInstance(error)) console.error(error.target, error.operation); }
 * ```
 */
export class PostgresStoreError extends Ag2EvalError {
  static override readonly errorName: string = "PostgresStoreError";
  /** `host:port/database`. */
  readonly target: string;
  /** What the store was doing: `save run "nightly-4"`, `connect`, … */
  readonly operation: string;

  constructor(options: { target: string; operation: string; reason: string; cause?: unknown }) {
    super(
      `PostgreSQL run store at ${options.target}: cannot ${options.operation}: ${options.reason}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.target = options.target;
    this.operation = options.operation;
  }
}
