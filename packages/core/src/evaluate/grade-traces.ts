import type { TaskResult as Graded, TaskAttempt } from "../result/task-result.js";
import type { Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import { Trace } from "../trace/trace.js";
import type { TraceRef, TraceSource } from "../trace/trace-source.js";
import { runLimited } from "../util/run-limited.js";
import { type GradeSettings, graded, gradeTask } from "./grade-task.js";
import { taskForRef, taskRuns } from "./task-runs.js";

/** A trace that could not be loaded, graded as an error on its task. */
export function loadFailure(error: unknown, durationMs = 0): Trace {
  return new Trace({ exception: toErrorInfo(error), durationMs });
}

/**
 * The grading core shared by `evaluateTraces` and the live runners: lists every ref first, in
 * source order, then loads and grades them with at most `concurrency` at once. A trace that
 * fails to load becomes an error on its task with no feedback (the suite task's inputs are
 * kept when the task is known). A repeat (`t1#2`) is graded against its suite task; the
 * traces of a retried task run (refs with `metadata.attempt`) are one task, graded on the last
 * attempt and listing every attempt, as the live run did. Results keep source order. Aborting
 * `signal` rejects with its reason.
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
): Promise<Graded[]> {
  const { signal } = settings;
  const load = async (ref: TraceRef): Promise<{ trace: Trace; loaded: boolean }> => {
    try {
      return { trace: await source.load(ref, signal ? { signal } : undefined), loaded: true };
    } catch (error) {
      signal?.throwIfAborted();
      return { trace: loadFailure(error), loaded: false };
    }
  };
  return runLimited(taskRuns(refs), settings, async ({ ref, earlier, retried }) => {
    signal?.throwIfAborted();
    const task = taskForRef(ref, settings.tasksById);
    const attempts: TaskAttempt[] = [];
    for (const before of earlier) attempts.push(attemptRecord((await load(before)).trace));
    const { trace, loaded } = await load(ref);
    const withAttempts = (result: Graded): Graded =>
      retried ? { ...result, attempts: [...attempts, attemptRecord(trace)] } : result;
    // nothing was loaded, so nothing is graded: no scorer sees an empty trace as a failure
    if (!loaded) return withAttempts(graded({ task, trace, ref }, settings, []));
    const result = gradeTask({ task, trace, ref }, settings);
    return withAttempts(result instanceof Promise ? await result : result);
  });
}

/** How one attempt ended, as `runAgent` records it: its error (type and message) and duration. */
function attemptRecord(trace: Trace): TaskAttempt {
  const failure = trace.exception;
  return {
    error: failure ? { type: failure.type, message: failure.message } : null,
    durationMs: trace.durationMs,
  };
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
