import { Ag2EvalError } from "@ag2/eval-core";

/** Longest run id accepted; file systems cap names at 255 bytes and we add suffixes. */
export const MAX_RUN_ID_LENGTH = 200;

const ALLOWED = /^[A-Za-z0-9._#:@+=-]+$/;

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

  static override isInstance(error: unknown): error is InvalidRunIdError {
    return Ag2EvalError.isInstance(error) && error.name === "InvalidRunIdError";
  }
}

/**
 * Why a run id cannot name a file in the store folder, or null when it can.
 *
 * @example
 * ```ts
 * runIdProblem("nightly-42"); // null
 * runIdProblem("../etc/passwd"); // "contains a path separator"
 * ```
 */
export function runIdProblem(runId: string): string | null {
  if (typeof runId !== "string") return `got ${typeof runId}, not a string`;
  if (runId.length === 0) return "it is empty";
  if (runId.length > MAX_RUN_ID_LENGTH) return `it is ${runId.length} characters long`;
  if (runId.includes("/") || runId.includes("\\")) return "contains a path separator";
  if (runId.includes("\0")) return "contains a NUL character";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(runId)) return "contains a control character";
  if (runId.includes("..")) return "contains '..'";
  if (runId.startsWith(".")) return "starts with '.'";
  if (!ALLOWED.test(runId)) {
    const bad = [...runId].find((char) => !ALLOWED.test(char));
    return `contains ${JSON.stringify(bad)}`;
  }
  return null;
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
