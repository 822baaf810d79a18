import { Ag2EvalError } from "@ag2/eval-core";

/**
 * A trace file that cannot be read: not JSON, or missing what a span file needs. Names the
 * file, the 1-based line for line-oriented files, what was found and what was expected.
 *
 * @example
 * ```ts
 * try { for await (const ref of source.list()) {} }
 * catch (error) { if (TraceFileError.isInstance(error)) console.error(error.path, error.line); }
 * ```
 */
export class TraceFileError extends Ag2EvalError {
  static override readonly errorName: string = "TraceFileError";
  readonly path: string;
  readonly line: number | null;

  constructor(path: string, line: number | null, problem: string, options?: { cause?: unknown }) {
    super(`${path}${line === null ? "" : `:${line}`}: ${problem}`, options);
    this.path = path;
    this.line = line;
  }
}
