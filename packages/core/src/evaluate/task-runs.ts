import { repeatOf } from "../suite/expand-repeats.js";
import { createTask, type Task } from "../suite/task.js";
import type { TraceRef } from "../trace/trace-source.js";

/**
 * The suite task a ref grades against: the task with its id; for a repeat (`t1#2`), the suite's
 * `t1` under the repeated id, found by the ref's `metadata.originalTaskId` or by the id's
 * `#<n>` suffix; else a reference-free task.
 *
 * @example
 * ```ts
 * taskForRef({ traceId: "x", taskId: "t1#2" }, tasksById).referenceOutputs; // t1's
 * ```
 */
export function taskForRef(ref: TraceRef, tasksById: ReadonlyMap<string, Task>): Task {
  const id = ref.taskId ?? ref.traceId;
  const task = tasksById.get(id);
  if (task) return task;
  const suffix = /^(.+)#(\d+)$/.exec(id);
  const named = ref.metadata?.originalTaskId;
  const originalId = typeof named === "string" ? named : suffix?.[1];
  const base = originalId === undefined ? undefined : tasksById.get(originalId);
  if (base && suffix) {
    const repeated = repeatOf(base, Number(suffix[2]));
    if (repeated.taskId === id) return repeated;
  }
  return createTask({ taskId: id, inputs: {} });
}

/** One task run to grade: its last attempt, and the attempts before it, oldest first. */
export interface TaskRun {
  readonly ref: TraceRef;
  readonly earlier: readonly TraceRef[];
  /** True when the refs carry attempt numbers (the run had retries), so attempts are listed. */
  readonly retried: boolean;
}

function attemptOf(ref: TraceRef): number | undefined {
  const attempt = ref.metadata?.attempt;
  return typeof attempt === "number" && Number.isInteger(attempt) ? attempt : undefined;
}

/**
 * Gathers the traces of a retried task run: refs of one task id carrying `metadata.attempt`
 * are one task run, graded on its highest attempt, the others listed as its earlier attempts.
 * Refs without an attempt number each stay a task run of their own. Keeps source order (a
 * task run sits where its last attempt was listed).
 *
 * @example
 * ```ts
 * taskRuns(refs).map((run) => [run.ref.taskId, run.earlier.length]); // [["t1", 2], …]
 * ```
 */
export function taskRuns(refs: readonly TraceRef[]): TaskRun[] {
  const attempts = new Map<string, TraceRef[]>();
  for (const ref of refs) {
    if (attemptOf(ref) === undefined) continue;
    const id = ref.taskId ?? ref.traceId;
    const list = attempts.get(id) ?? [];
    list.push(ref);
    attempts.set(id, list);
  }
  const runs: TaskRun[] = [];
  for (const ref of refs) {
    if (attemptOf(ref) === undefined) {
      runs.push({ ref, earlier: [], retried: false });
      continue;
    }
    const all = attempts.get(ref.taskId ?? ref.traceId) ?? [ref];
    const ordered = [...all].sort((a, b) => (attemptOf(a) ?? 0) - (attemptOf(b) ?? 0));
    if (ordered.at(-1) !== ref) continue;
    runs.push({ ref, earlier: ordered.slice(0, -1), retried: true });
  }
  return runs;
}
