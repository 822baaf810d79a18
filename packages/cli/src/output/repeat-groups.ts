import type { RunResult, TaskResult } from "@ag2/eval";

const REPEAT = /#\d+$/;

/**
 * The task runs of a run grouped by the task they repeat, in run order, and whether the run
 * had repeats at all. A run with repeats suffixes every id (`t1#2`); without, ids that merely
 * end in `#2` stay apart (core groups the same way).
 *
 * @example
 * ```ts
 * const { groups, repeated } = repeatGroups(result);
 * groups.get("t1")?.length; // 3 with --repeats 3
 * ```
 */
export function repeatGroups(result: RunResult): {
  groups: Map<string, TaskResult[]>;
  repeated: boolean;
} {
  const repeated = result.tasks.length > 0 && result.tasks.every((t) => REPEAT.test(t.task.taskId));
  const groups = new Map<string, TaskResult[]>();
  for (const task of result.tasks) {
    const id = repeated ? task.task.taskId.replace(REPEAT, "") : task.task.taskId;
    const group = groups.get(id);
    if (group) group.push(task);
    else groups.set(id, [task]);
  }
  return { groups, repeated };
}
