import { Ag2EvalError } from "../errors/ag2-eval-error.js";

/** Where a {@link SuiteFileError} was found. */
export interface SuiteFileErrorLocation {
  /** The JSONL path, or the list's source name (`"inline"` by default). */
  readonly path: string;
  /** 1-based physical line of a JSONL file. */
  readonly line?: number | undefined;
  /** 0-based position of the record among the non-blank items. */
  readonly index?: number | undefined;
  /** The record field at fault, e.g. `"tags"`. */
  readonly field?: string | undefined;
}

/**
 * A suite file or task list that cannot be loaded: the message names the file, the 1-based
 * line (or the list index), the field, what was found and what was expected.
 *
 * @example
 * ```ts
 * try { await Suite.fromJsonl("tasks.jsonl"); }
 * catch (error) {
 *   if (SuiteFileError.isInstance(error)) console.error(`${error.path}:${error.line}`, error.message);
 * }
 * ```
 */
export class SuiteFileError extends Ag2EvalError {
  static override readonly errorName: string = "SuiteFileError";
  readonly path: string;
  readonly line: number | undefined;
  readonly index: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, location: SuiteFileErrorLocation, options?: { cause?: unknown }) {
    super(message, options);
    this.path = location.path;
    this.line = location.line;
    this.index = location.index;
    this.field = location.field;
  }
}
