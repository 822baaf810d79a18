import { Ag2EvalError } from "../errors/ag2-eval-error.js";

/** Where a {@link RunFileError} was found and what was wrong there. */
export interface RunFileErrorDetails {
  /** The file (or other origin) the run was read from, when known. */
  readonly source?: string | undefined;
  /** Path of the field at fault, e.g. `tasks[3].feedback[0].score`; `""` for the whole file. */
  readonly field: string;
  /** What the field should hold. */
  readonly expected: string;
  /** A short description of what it held. */
  readonly found: string;
}

/**
 * A run file (schema "0.1") that cannot be read: wrong field types, a truncated file, or a
 * schema version newer than this release understands. The message names the source, the
 * field path, what was expected and what was found.
 *
 * @example
 * ```ts
 * try { RunResult.fromJSON(JSON.parse(text), { source: "runs/r1.json" }); }
 * catch (error) { if (RunFileError.isInstance(error)) console.error(error.field, error.message); }
 * ```
 */
export class RunFileError extends Ag2EvalError {
  static override readonly errorName: string = "RunFileError";
  readonly source: string | undefined;
  readonly field: string;
  readonly expected: string;
  readonly found: string;

  constructor(details: RunFileErrorDetails, options?: { cause?: unknown; note?: string }) {
    const where = [details.source, details.field || undefined].filter(Boolean).join(": ");
    const note = options?.note ? `; ${options.note}` : "";
    super(
      `${where ? `${where}: ` : ""}expected ${details.expected}, got ${details.found}${note}`,
      options,
    );
    this.source = details.source;
    this.field = details.field;
    this.expected = details.expected;
    this.found = details.found;
  }
}

/** A short, bounded description of a JSON value for error messages: `"yes" (string)`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `${shown} (${typeof value})`;
}
