import { Ag2EvalError } from "@ag2/eval-core";

/**
 * The store folder (or a file in it) could not be created, written, read or removed. Names
 * the path and the operation; the operating system's error is the `cause`.
 *
 * @example
 * ```ts
 * catch (error) { if (StoreFolderError.isInstance(error)) console.error(error.path); }
 * ```
 */
export class StoreFolderError extends Ag2EvalError {
  static override readonly errorName: string = "StoreFolderError";
  readonly path: string;
  readonly operation: string;

  constructor(options: { path: string; operation: string; cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`run store: cannot ${options.operation} ${options.path}: ${reason}`, {
      cause: options.cause,
    });
    this.path = options.path;
    this.operation = options.operation;
  }
}
