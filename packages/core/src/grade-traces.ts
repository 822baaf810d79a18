import { type BudgetThresholds, budgetViolations } from "./budget-thresholds.js";
import type { Feedback } from "./feedback.js";
import { evalEvent, type TaskEvaluated } from "./lifecycle-events.js";
import { toErrorInfo } from "./middleware.js";
import { outputsFromTrace } from "./outputs-from-trace.js";
import { runLimited } from "./run-limited.js";
import { finiteScore, type Outputs, type Scorer } from "./scorer.js";
import type { Stream } from "./stream.js";
import { createTask, type Task } from "./task.js";
import type { TaskResult } from "./task-result.js";
import { Trace } from "./trace.js";
import type { TraceRef, TraceSource } from "./trace-source.js";

/** What grading one task needs besides the trace. */
export interface GradeSettings {
  readonly scorers: readonly Scorer[];
  readonly budgets?: BudgetThresholds | null | undefined;
  /** Publishes `TaskEvaluated` for each graded task when set. */
  readonly stream?: Stream | null | undefined;
  readonly runId: string;
  readonly label?: string | null | undefined;
  readonly variant?: string | null | undefined;
}

/** The task a ref grades against: the suite's task, else a reference-free one. */
export function taskForRef(ref: TraceRef, tasksById: ReadonlyMap<string, Task>): Task {
  const id = ref.taskId ?? ref.traceId;
  return tasksById.get(id) ?? createTask({ taskId: id, inputs: {} });
}

/**
 * Grades one trace: outputs from its last model response (or `outputs` when given), every
 * scorer in order, budgets. A scorer that rejects (a {@link ScorerReturnTypeError}, or a
 * hand-written scorer that throws) makes this task an error: its trace gets that exception
 * and it keeps no feedback, as the reference does; other tasks are not affected.
 *
 * @example
 * ```ts
 * const result = await gradeTask({ task, trace, ref }, { scorers, runId });
 * ```
 */
export async function gradeTask(
  input: { task: Task; trace: Trace; ref: TraceRef | null; outputs?: Outputs | undefined },
  settings: GradeSettings,
): Promise<TaskResult> {
  const { task, ref } = input;
  let trace = input.trace;
  const outputs = input.outputs ?? outputsFromTrace(trace);
  let feedback: Feedback[] = [];
  try {
    for (const scorer of settings.scorers) {
      const produced = await scorer.score({
        inputs: task.inputs,
        outputs,
        referenceOutputs: task.referenceOutputs,
        trace,
        task,
      });
      // hand-written Scorer objects skip scorer()'s normalizing; a NaN must not reach aggregates
      feedback.push(...produced.map(finiteScore));
    }
  } catch (error) {
    feedback = [];
    trace = new Trace({
      events: trace.events,
      exception: toErrorInfo(error),
      durationMs: trace.durationMs,
      tokens: trace.tokens,
    });
  }
  const violations = budgetViolations(settings.budgets, trace);
  const result: TaskResult = {
    task,
    trace,
    feedback,
    budgetViolation: violations.length > 0,
    budgetViolations: violations,
    traceRef: ref,
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

/** A trace that could not be loaded, graded as an error on its task. */
export function loadFailure(error: unknown, durationMs = 0): Trace {
  return new Trace({ exception: toErrorInfo(error), durationMs });
}

/**
 * The grading core shared by `evaluateTraces` and the live runners: lists every ref first, in
 * source order, then loads and grades them with at most `concurrency` at once. A trace that
 * fails to load becomes an error on its task (the suite task's inputs are kept when the task
 * is known). Results keep source order. Aborting `signal` rejects with its reason.
 *
 * @example
 * ```ts
 * const results = await gradeTraces(source, refs, { scorers, runId, concurrency: 4, tasksById });
 * ```
 */
export async function gradeTraces(
  source: TraceSource,
  refs: readonly TraceRef[],
  settings: GradeSettings & {
    readonly concurrency: number;
    readonly tasksById: ReadonlyMap<string, Task>;
    readonly signal?: AbortSignal | undefined;
  },
): Promise<TaskResult[]> {
  const { signal } = settings;
  return runLimited(refs, settings, async (ref) => {
    signal?.throwIfAborted();
    const task = taskForRef(ref, settings.tasksById);
    let trace: Trace;
    try {
      trace = await source.load(ref, signal ? { signal } : undefined);
    } catch (error) {
      signal?.throwIfAborted();
      trace = loadFailure(error);
    }
    return gradeTask({ task, trace, ref }, settings);
  });
}

/** Every ref of a source, in order. */
export async function listRefs(source: TraceSource, signal?: AbortSignal): Promise<TraceRef[]> {
  const refs: TraceRef[] = [];
  for await (const ref of source.list()) {
    signal?.throwIfAborted();
    refs.push(ref);
  }
  return refs;
}
