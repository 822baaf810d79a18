import type { TaskResult } from "../result/task-result.js";
import { createTask, type Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import { Trace } from "../trace/trace.js";
import type { TraceRef, TraceSource } from "../trace/trace-source.js";
import { runLimited } from "../util/run-limited.js";
import { type GradeSettings, graded, gradeTask } from "./grade-task.js";

/** The task a ref grades against: the suite's task, else a reference-free one. */
export function taskForRef(ref: TraceRef, tasksById: ReadonlyMap<string, Task>): Task {
  const id = ref.taskId ?? ref.traceId;
  return tasksById.get(id) ?? createTask({ taskId: id, inputs: {} });
}

/** A trace that could not be loaded, graded as an error on its task. */
export function loadFailure(error: unknown, durationMs = 0): Trace {
  return new Trace({ exception: toErrorInfo(error), durationMs });
}

/**
 * The grading core shared by `evaluateTraces` and the live runners: lists every ref first, in
 * source order, then loads and grades them with at most `concurrency` at once. A trace that
 * fails to load becomes an error on its task with no feedback (the suite task's inputs are kept when the task
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
      // nothing was loaded, so nothing is graded: no scorer sees an empty trace as a failure
      return graded({ task, trace: loadFailure(error), ref }, settings, []);
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
