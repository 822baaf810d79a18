import { Ag2EvalError } from "@ag2/eval-core";
import { MAX_RUN_ID_LENGTH, runIdProblem } from "@ag2/eval-core/internal";

// The rule lives in core so runAgent refuses an unusable id before any task runs.
export { MAX_RUN_ID_LENGTH, runIdProblem };

/**
 * A run id that cannot be used as a file name in the store folder: empty, too long, starting
 * with a dot, containing a path separator, `..`, NUL, a control character or anything outside
 * `[A-Za-z0-9._#:@+=-]`. Thrown before anything is written.
 *
 * @example
 * ```ts
 * try { await store.save(result); }
 * catch (error) { if (InvalidRunIdError.isInstance(error)) console.error(error.runId, error.reason); }
 * ```
 */
export class InvalidRunIdError extends Ag2EvalError {
  static override readonly errorName: string = "InvalidRunIdError";
  readonly runId: string;
  readonly reason: string;

  constructor(runId: string, reason: string) {
    super(
      `invalid run id ${JSON.stringify(runId)}: ${reason}; expected 1-${MAX_RUN_ID_LENGTH} characters ` +
        "from [A-Za-z0-9._#:@+=-], not starting with '.' and without '..'",
    );
    this.runId = runId;
    this.reason = reason;
  }
}

/**
 * Throws {@link InvalidRunIdError} unless the id is safe to use as a file name.
 *
 * @example
 * ```ts
 * assertValidRunId(result.runId);
 * ```
 */
export function assertValidRunId(runId: string): void {
  const problem = runIdProblem(runId);
  if (problem !== null) throw new InvalidRunIdError(String(runId), problem);
}
