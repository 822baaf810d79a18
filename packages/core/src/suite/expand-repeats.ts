import type { Task } from "./task.js";

const originals = new WeakMap<Task, string>();

/**
 * Expands every task into `repeats` runs with ids `<id>#1` … `<id>#n`, all repeats of a task
 * before the next task. With `repeats <= 1` (including 0 and negatives) the tasks are
 * returned unchanged, as in the reference.
 *
 * @example
 * ```ts
 * expandRepeats(suite.tasks, 2).map((t) => t.taskId); // ["a#1", "a#2", "b#1", "b#2"]
 * ```
 */
export function expandRepeats(tasks: readonly Task[], repeats: number): Task[] {
  if (!(repeats > 1)) return [...tasks];
  const expanded: Task[] = [];
  for (const task of tasks) {
    for (let index = 1; index <= repeats; index++) {
      expanded.push(repeatOf(task, index));
    }
  }
  return expanded;
}

/**
 * The id a task had before {@link expandRepeats} suffixed it (`"t1"` for `"t1#2"`), or its own
 * id when it is not a repeat.
 *
 * @example
 * ```ts
 * originalTaskId(expandRepeats([task], 3)[1]); // task.taskId
 * ```
 */
export function originalTaskId(task: Task): string {
  return originals.get(task) ?? task.taskId;
}

/**
 * Repeat `index` (from 1) of `task`, as {@link expandRepeats} makes it: the same task under the
 * id `<id>#<index>`, whose {@link originalTaskId} is the task's id.
 *
 * @example
 * ```ts
 * repeatOf(task, 2).taskId; // "t1#2"
 * ```
 */
export function repeatOf(task: Task, index: number): Task {
  const repeated = Object.freeze({ ...task, taskId: `${task.taskId}#${index}` });
  originals.set(repeated, task.taskId);
  return repeated;
}
