import { evalEvent, type TaskEvaluated } from "../events/lifecycle-events.js";
import type { Stream } from "../events/stream.js";
import type { TaskResult } from "../result/task-result.js";
import { type BudgetThresholds, budgetViolations } from "../scoring/budget-thresholds.js";
import { deepFreeze } from "../scoring/deep-freeze.js";
import type { Feedback } from "../scoring/feedback.js";
import { outputsFromTrace } from "../scoring/outputs-from-trace.js";
import {
  finiteScore,
  isThenable,
  type Outputs,
  type Scorer,
  type ScorerContext,
  scoreNow,
} from "../scoring/scorer.js";
import { createTask, type Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import { Trace, withException } from "../trace/trace.js";
import type { TraceRef, TraceSource } from "../trace/trace-source.js";
import { runLimited } from "../util/run-limited.js";
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
  /** Per scorer call; past it that scorer's feedback is an error. Default 5 minutes. */
  readonly scorerTimeoutMs?: number | undefined;
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
 * and it keeps no feedback, as the reference does; other tasks are not affected. The result
 * comes back without a promise when every scorer answered without one.
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
    let produced: readonly Feedback[] | PromiseLike<readonly Feedback[]>;
    try {
      produced = scoreNow(scorers[index] as Scorer, contextOf(task, trace, outputs));
      // any thenable, as `await` would: a hand-written scorer's, or a promise of another realm
      if (!isThenable(produced)) {
        // hand-written Scorer objects skip scorer()'s normalizing; a NaN must not reach aggregates
        feedback.push(...produced.map(finiteScore));
        continue;
      }
    } catch (error) {
      return graded(input, settings, [], { error });
    }
    return gradeRest(input, settings, {
      outputs,
      feedback,
      index,
      produced: withDeadline(produced, scorers[index] as Scorer, settings.scorerTimeoutMs),
    });
  }
  return graded(input, settings, feedback, null);
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
function withDeadline(
  produced: PromiseLike<readonly Feedback[]>,
  scorer: Scorer,
  timeoutMs = DEFAULT_SCORER_TIMEOUT_MS,
): Promise<readonly Feedback[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<readonly Feedback[]>((resolve) => {
    timer = setTimeout(
      () =>
        resolve([
          {
            key: scorer.key,
            score: null,
            comment: `scorer timed out: no answer within ${timeoutMs} ms (scorerTimeoutMs, --scorer-timeout)`,
          },
        ]),
      timeoutMs,
    );
  });
  return Promise.race([Promise.resolve(produced), timedOut]).finally(() => clearTimeout(timer));
}

/** A context object per scorer: one scorer reassigning a field must not change the next one's. */
function contextOf(task: Task, trace: Trace, outputs: Outputs): ScorerContext {
  return { inputs: task.inputs, outputs, referenceOutputs: task.referenceOutputs, trace, task };
}

interface GradeInput {
  task: Task;
  trace: Trace;
  ref: TraceRef | null;
  outputs?: Outputs | undefined;
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
  try {
    let pending: readonly Feedback[] | PromiseLike<readonly Feedback[]> = state.produced;
    for (let index = state.index; index < scorers.length; index++) {
      if (index > state.index) {
        const scorer = scorers[index] as Scorer;
        const produced = scoreNow(scorer, contextOf(task, trace, outputs));
        pending = isThenable(produced)
          ? withDeadline(produced, scorer, settings.scorerTimeoutMs)
          : produced;
      }
      const produced = await pending;
      feedback.push(...produced.map(finiteScore));
    }
  } catch (error) {
    return graded(input, settings, [], { error });
  }
  return graded(input, settings, feedback, null);
}

/**
 * The graded task: a `failure` (what a scorer threw or rejected with) makes it an error task
 * whose trace carries that exception. Publishes `TaskEvaluated` when there is a stream.
 */
function graded(
  input: GradeInput,
  settings: GradeSettings,
  feedback: Feedback[],
  failure: { readonly error: unknown } | null,
): TaskResult {
  const { task } = input;
  const trace = failure ? withException(input.trace, toErrorInfo(failure.error)) : input.trace;
  const violations = budgetViolations(settings.budgets, trace);
  const result: TaskResult = {
    task,
    trace,
    feedback,
    budgetViolation: violations.length > 0,
    budgetViolations: violations,
    traceRef: input.ref,
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
