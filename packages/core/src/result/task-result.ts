import type { BudgetViolation } from "../scoring/budget-thresholds.js";
import type { Feedback } from "../scoring/feedback.js";
import { outputsFromTrace } from "../scoring/outputs-from-trace.js";
import type { Outputs } from "../scoring/scorer.js";
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
  /**
   * What the scorers read as the answer, when it did not come from the trace's last model
   * response (an agent that is a plain function); absent otherwise, as the trace holds it.
   * Use {@link taskOutputs} to read the answer of any task.
   */
  readonly outputs?: Outputs;
}

/**
 * The answer the scorers saw for a task: its kept `outputs`, else the trace's last model
 * response. Empty when there was no answer.
 *
 * @example
 * ```ts
 * for (const task of run.tasks) console.log(task.task.taskId, taskOutputs(task).body ?? "(no answer)");
 * ```
 */
export function taskOutputs(result: TaskResult): Outputs {
  return result.outputs ?? outputsFromTrace(result.trace);
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
