import { originalTaskId } from "../suite/expand-repeats.js";
import type { TaskResult } from "./task-result.js";

const REPEAT_SUFFIX = /#\d+$/;

/**
 * Groups task results by the task they repeat, in first-seen order. Repeats carry ids
 * `<id>#1` … `<id>#n` (and a run written with repeats has the suffix on every id), so the
 * suffix is stripped only when every id in the run carries one: a run without repeats whose
 * ids happen to end in `#2` keeps them apart. Results built in this process also remember
 * their original id directly.
 *
 * @example
 * ```ts
 * groupRepeats(result.tasks).get("t1")?.length; // 3 with repeats: 3
 * ```
 */
export function groupRepeats(tasks: readonly TaskResult[]): Map<string, TaskResult[]> {
  const strip = tasks.length > 0 && tasks.every((r) => REPEAT_SUFFIX.test(r.task.taskId));
  const groups = new Map<string, TaskResult[]>();
  for (const result of tasks) {
    const known = originalTaskId(result.task);
    const id =
      known !== result.task.taskId ? known : strip ? known.replace(REPEAT_SUFFIX, "") : known;
    const group = groups.get(id);
    if (group) group.push(result);
    else groups.set(id, [result]);
  }
  return groups;
}

/** The last feedback score of `key` on a task result (later feedback overrides earlier). */
export function lastScore(result: TaskResult, key: string): boolean | number | null {
  let score: boolean | number | null = null;
  for (const fb of result.feedback) {
    if (fb.key === key && fb.score !== undefined) score = fb.score;
  }
  return score;
}
