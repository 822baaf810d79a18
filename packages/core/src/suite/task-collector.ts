import { SuiteFileError } from "./suite-file-error.js";
import type { Task } from "./task.js";
import { type RecordPlace, taskFromRecord } from "./task-record.js";

/**
 * Turns records into tasks in order, refusing a task id seen before; `where` is how the
 * record's place is said in messages ("line 4", "row 3 (line 4)").
 */
export class TaskCollector {
  readonly tasks: Task[] = [];
  readonly #first = new Map<string, string>();

  add(record: unknown, place: Omit<RecordPlace, "index">, where: string): void {
    const at: RecordPlace = { ...place, index: this.tasks.length };
    const task = taskFromRecord(record, at);
    const first = this.#first.get(task.taskId);
    if (first !== undefined) {
      throw new SuiteFileError(
        `${place.path}: ${where}: duplicate task_id '${task.taskId}' (first on ${first})`,
        { ...at, field: "task_id" },
      );
    }
    this.#first.set(task.taskId, where);
    this.tasks.push(task);
  }
}
