import { Ag2EvalError } from "@ag2/eval-core";

/**
 * A run journal that cannot be used: damaged before its last line, with no header, or closed.
 * Names the file and, when known, the 1-based line.
 *
 * @example
 * ```ts
 * catch (error) { if (JournalFileError.isInstance(error)) console.error(error.path, error.line); }
 * ```
 */
export class JournalFileError extends Ag2EvalError {
  static override readonly errorName: string = "JournalFileError";
  readonly path: string;
  readonly line: number | null;

  constructor(options: { path: string; line?: number; message: string; cause?: unknown }) {
    const where =
      options.line === undefined ? options.path : `${options.path}: line ${options.line}`;
    super(`${where}: ${options.message}`, { cause: options.cause });
    this.path = options.path;
    this.line = options.line ?? null;
  }
}
