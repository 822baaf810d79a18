import type { BudgetViolation } from "../scoring/budget-thresholds.js";
import type { Feedback } from "../scoring/feedback.js";
import type { Task } from "../suite/task.js";
import type { Trace } from "../trace/trace.js";
import type { ErrorInfo } from "../trace/trace-events.js";
import type { TraceRef } from "../trace/trace-source.js";

/**
 * One graded task (one repeat of it, with repeats): the task, its trace, the feedback of
 * every scorer in order, and the budget limits it exceeded.
 */
export interface TaskResult {
  readonly task: Task;
  readonly trace: Trace;
  readonly feedback: readonly Feedback[];
  /** True when any budget limit was exceeded; `budgetViolations` says which. */
  readonly budgetViolation: boolean;
  readonly budgetViolations: readonly BudgetViolation[];
  readonly traceRef: TraceRef | null;
  /**
   * With `runAgent`'s `retries`: every ask of this task run, in order, the graded (last) one
   * included; absent when retries were off.
   */
  readonly attempts?: readonly TaskAttempt[];
}

/**
 * One ask of a task run under `retries`: how it ended and how long it took.
 *
 * @example
 * ```ts
 * const retried = result.tasks.filter((t) => (t.attempts?.length ?? 1) > 1);
 * ```
 */
export interface TaskAttempt {
  readonly error: ErrorInfo | null;
  readonly durationMs: number;
}
