import { Ag2EvalError } from "@ag2/eval-core";

/**
 * A trace id becomes a file name, so anything that could leave the folder is refused.
 *
 * @example
 * ```ts
 * traceFileName("0af7651916cd43dd8448eb211c80319c"); // "0af7651916cd43dd8448eb211c80319c.json"
 * ```
 */
export function traceFileName(traceId: string): string {
  if (traceId === "" || traceId === "." || traceId === ".." || /[/\\\0]/.test(traceId)) {
    throw new InvalidTraceIdError(traceId);
  }
  return `${traceId}.json`;
}

/**
 * A trace id that cannot be a file name in a trace directory.
 *
 * @example
 * ```ts
 * await saveTrace("traces", "../escape", spans); // rejects with InvalidTraceIdError
 * ```
 */
export class InvalidTraceIdError extends Ag2EvalError {
  static override readonly errorName: string = "InvalidTraceIdError";
  readonly traceId: string;

  constructor(traceId: string) {
    super(
      `invalid trace id ${JSON.stringify(traceId)}: expected a file name without "/", "\\" or NUL, not "." or ".."`,
    );
    this.traceId = traceId;
  }
}
