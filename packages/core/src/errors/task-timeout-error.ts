import { Ag2EvalError } from "./ag2-eval-error.js";

/**
 * A task ran longer than `taskTimeoutMs`. It is recorded on that task's trace (error type
 * `TaskTimeoutError`); the run goes on.
 *
 * @example
 * ```ts
 * result.tasks.filter((t) => t.trace.exception?.type === "TaskTimeoutError");
 * ```
 */
export class TaskTimeoutError extends Ag2EvalError {
  static override readonly errorName: string = "TaskTimeoutError";
  readonly taskId: string;
  readonly timeoutMs: number;

  /** `limitName` names the limit in the message: the option by default, or a CLI's flag. */
  constructor(taskId: string, timeoutMs: number, limitName = "option taskTimeoutMs") {
    super(`task '${taskId}' timed out after ${timeoutMs} ms (${limitName})`);
    this.taskId = taskId;
    this.timeoutMs = timeoutMs;
  }
}
