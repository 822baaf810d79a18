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
    const code = (options.cause as { code?: unknown } | null)?.code;
    // the OS words these as "not a directory" / "file already exists": say which path is wrong
    const fileInTheWay =
      code === "ENOTDIR" || (code === "EEXIST" && options.operation === "create the folder");
    const found = fileInTheWay
      ? "; expected a folder there, got a file (or a path through one)"
      : "";
    super(`run store: cannot ${options.operation} ${options.path}: ${reason}${found}`, {
      cause: options.cause,
    });
    this.path = options.path;
    this.operation = options.operation;
  }
}
