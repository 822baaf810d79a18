import { type RunResult, runResultToJSON, taskResultToJSON, toAsciiJson } from "@ag2/eval-core";

const TASKS_SLOT = '\n  "tasks": []';
const TASK_INDENT = "\n    ";

/**
 * The run file's text (exactly `runResultToJsonText(result)`) in pieces of at most `batch`
 * tasks, so saving a large run never holds the whole JSON tree and text at once: peak memory
 * while saving grows with the batch, not with the run.
 */
export function* runFileChunks(result: RunResult, batch = 256): Generator<string> {
  // the run's own fields with an empty task list, to learn where the tasks go
  const head = toAsciiJson(
    runResultToJSON(Object.create(result, { tasks: { value: [] } }) as RunResult),
  );
  const slot = head.indexOf(TASKS_SLOT);
  if (slot < 0 || result.tasks.length === 0) {
    yield head;
    return;
  }
  yield `${head.slice(0, slot)}\n  "tasks": [`;
  for (let start = 0; start < result.tasks.length; start += batch) {
    let text = "";
    const end = Math.min(start + batch, result.tasks.length);
    for (let index = start; index < end; index++) {
      // JSON text has no raw newlines inside strings, so re-indenting per line is safe
      const task = toAsciiJson(taskResultToJSON(result.tasks[index] as RunResult["tasks"][number]));
      text += `${index === 0 ? "" : ","}${TASK_INDENT}${task.replaceAll("\n", TASK_INDENT)}`;
    }
    yield text;
  }
  yield `\n  ]${head.slice(slot + TASKS_SLOT.length)}`;
}
