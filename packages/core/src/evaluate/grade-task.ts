import { evalEvent, type TaskEvaluated } from "../events/lifecycle-events.js";
import type { Stream } from "../events/stream.js";
import type { TaskResult } from "../result/task-result.js";
import { type BudgetThresholds, budgetViolations } from "../scoring/budget-thresholds.js";
import { deepFreeze } from "../scoring/deep-freeze.js";
import type { Feedback } from "../scoring/feedback.js";
import { lastModelResponse, outputsFromTrace } from "../scoring/outputs-from-trace.js";
import {
  finiteScore,
  isThenable,
  type Outputs,
  type ScoreDirection,
  type Scorer,
  type ScorerContext,
  scoreNow,
  scorerRaised,
} from "../scoring/scorer.js";
import type { Task } from "../suite/task.js";
import type { Trace } from "../trace/trace.js";
import type { TraceRef } from "../trace/trace-source.js";
import { withDeadline } from "../util/with-deadline.js";
import { DEFAULT_SCORER_TIMEOUT_MS } from "./check-run-options.js";

/** What grading one task needs besides the trace. */
export interface GradeSettings {
  readonly scorers: readonly Scorer[];
  readonly budgets?: BudgetThresholds | null | undefined;
  /** Publishes `TaskEvaluated` for each graded task when set. */
  readonly stream?: Stream | null | undefined;
  readonly runId: string;
  readonly label?: string | null | undefined;
  readonly variant?: string | null | undefined;
  /** Filled with the direction of each numeric feedback key whose scorer declared one. */
  readonly directions?: Map<string, ScoreDirection> | undefined;
  /** Per scorer call; past it that scorer's feedback is an error. Default 5 minutes. */
  readonly scorerTimeoutMs?: number | undefined;
}

/** One task to grade: its trace, and the outputs when they did not come from the trace. */
export interface GradeInput {
  readonly task: Task;
  readonly trace: Trace;
  readonly ref: TraceRef | null;
  readonly outputs?: Outputs | undefined;
}

/**
 * Grades one trace: outputs from its last model response (or `outputs` when given), every
 * scorer in order, budgets. A scorer that throws or rejects (a {@link ScorerReturnTypeError},
 * a hand-written scorer's error) gives that scorer's error feedback (`score: null`,
 * `scorer raised: <Type>: <message>`) on this task; the other scorers' feedback stays and the
 * task is not an error. The result comes back without a promise when every scorer answered
 * without one.
 *
 * @example
 * ```ts
 * const result = await gradeTask({ task, trace, ref }, { scorers, runId });
 * ```
 */
export function gradeTask(
  input: GradeInput,
  settings: GradeSettings,
): TaskResult | Promise<TaskResult> {
  const { task, trace } = input;
  const outputs = input.outputs ?? outputsFromTrace(trace);
  const feedback: Feedback[] = [];
  const { scorers } = settings;
  // scorers read the record, never change it: a write is that scorer's error
  if (scorers.length > 0) readOnly(task, trace, outputs);
  for (let index = 0; index < scorers.length; index++) {
    const scorer = scorers[index] as Scorer;
    let produced: readonly Feedback[] | PromiseLike<readonly Feedback[]>;
    try {
      produced = scoreNow(scorer, contextOf(task, trace, outputs));
      // any thenable, as `await` would: a hand-written scorer's, or a promise of another realm
      if (!isThenable(produced)) {
        keep(feedback, scorer, produced, settings);
        continue;
      }
    } catch (error) {
      keep(feedback, scorer, scorerRaised(scorer.key, error), settings);
      continue;
    }
    return gradeRest(input, settings, {
      outputs,
      feedback,
      index,
      produced: scoredInTime(produced, scorer, settings.scorerTimeoutMs),
    });
  }
  return graded(input, settings, feedback);
}

/** Freezes what scorers receive (the task, its trace and events, the outputs), once per task. */
function readOnly(task: Task, trace: Trace, outputs: Outputs): void {
  // the task, its tags and the trace's event list are frozen shallowly when built
  deepFreeze(task.inputs);
  deepFreeze(task.referenceOutputs);
  deepFreeze(task.metadata);
  Object.freeze(trace);
  for (const event of trace.events) deepFreeze(event);
  deepFreeze(trace.exception);
  deepFreeze(outputs);
}

/**
 * `produced`, or past `timeoutMs` an error feedback of that scorer alone: a scorer that never
 * answers must not hang the run.
 */
function scoredInTime(
  produced: PromiseLike<readonly Feedback[]>,
  scorer: Scorer,
  timeoutMs = DEFAULT_SCORER_TIMEOUT_MS,
): Promise<readonly Feedback[]> {
  return withDeadline(produced, timeoutMs, () => [
    {
      key: scorer.key,
      score: null,
      comment: `scorer timed out: no answer within ${timeoutMs} ms (scorerTimeoutMs, --scorer-timeout)`,
    },
  ]);
}

/** A context object per scorer: one scorer reassigning a field must not change the next one's. */
function contextOf(task: Task, trace: Trace, outputs: Outputs): ScorerContext {
  return { inputs: task.inputs, outputs, referenceOutputs: task.referenceOutputs, trace, task };
}

/** Adds a scorer's feedback; a NaN must not reach aggregates (hand-written scorers skip `scorer()`'s check). */
function keep(
  feedback: Feedback[],
  scorer: Scorer,
  produced: readonly Feedback[],
  settings: GradeSettings,
): void {
  const { direction } = scorer;
  for (const item of produced) {
    const checked = finiteScore(item);
    feedback.push(checked);
    if (direction !== undefined && typeof checked.score === "number") {
      settings.directions?.set(checked.key, direction);
    }
  }
}

/** The rest of {@link gradeTask} once a scorer returned a promise: from that one on, awaited. */
async function gradeRest(
  input: GradeInput,
  settings: GradeSettings,
  state: {
    outputs: Outputs;
    feedback: Feedback[];
    index: number;
    produced: PromiseLike<readonly Feedback[]>;
  },
): Promise<TaskResult> {
  const { outputs, feedback } = state;
  const { task, trace } = input;
  const { scorers } = settings;
  for (let index = state.index; index < scorers.length; index++) {
    const scorer = scorers[index] as Scorer;
    try {
      let pending: readonly Feedback[] | PromiseLike<readonly Feedback[]> = state.produced;
      if (index > state.index) {
        const produced = scoreNow(scorer, contextOf(task, trace, outputs));
        pending = isThenable(produced)
          ? scoredInTime(produced, scorer, settings.scorerTimeoutMs)
          : produced;
      }
      keep(feedback, scorer, await pending, settings);
    } catch (error) {
      keep(feedback, scorer, scorerRaised(scorer.key, error), settings);
    }
  }
  return graded(input, settings, feedback);
}

/**
 * The graded task, its budget flags and, when the answer did not come from the trace's last
 * model response (an agent that is a plain function), its outputs, so the run file keeps what
 * the scorers saw. Publishes `TaskEvaluated` when there is a stream. With no feedback, this
 * is also how a trace that failed to load is recorded: an error, and nothing graded.
 */
export function graded(
  input: GradeInput,
  settings: GradeSettings,
  feedback: readonly Feedback[],
): TaskResult {
  const { task, trace } = input;
  const violations = budgetViolations(settings.budgets, trace);
  const kept = input.outputs?.body !== undefined && !lastModelResponse(trace);
  const result: TaskResult = {
    task,
    trace,
    feedback,
    budgetViolation: violations.length > 0,
    budgetViolations: violations,
    traceRef: input.ref,
    ...(kept && { outputs: input.outputs }),
  };
  settings.stream?.publish(
    evalEvent<TaskEvaluated>({
      type: "TaskEvaluated",
      runId: settings.runId,
      label: settings.label ?? null,
      taskId: task.taskId,
      feedback,
      variant: settings.variant ?? null,
      error: trace.exception,
    }),
  );
  return result;
}

/** The directions {@link gradeTask} collected, keys sorted, for `RunResultInit.scoreDirections`. */
export function directionsByKey(
  directions: ReadonlyMap<string, ScoreDirection>,
): Record<string, ScoreDirection> {
  return Object.fromEntries([...directions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
