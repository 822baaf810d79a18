import type { RunResult, TaskResult } from "@ag2/eval-core";
import { runResultToJSON, taskResultToJSON, toAsciiJson } from "@ag2/eval-core/internal";

const TASKS_SLOT = '\n  "tasks": []';
// a batch after the first is stringified behind a 0, so that its piece, comma included, is
// one slice of the text: a "," + slice concatenation would copy every piece once more
const BATCH_OPEN = '{\n  "tasks": [';
const LATER_BATCH_OPEN = '{\n  "tasks": [\n    0';
const BATCH_CLOSE = "\n  ]\n}";

/**
 * The run file's text (exactly `runResultToJsonText(result)`) in pieces of at most `batch`
 * tasks, so saving a large run never holds the whole JSON tree and text at once: peak memory
 * while saving grows with the batch, not with the run. The default keeps a piece (about 1 KB
 * a plain task) below V8's large-object size, so each dies young in the new space instead of
 * taking pages of its own: 256-task pieces raised a 5000-task run's peak RSS by about 12 MB.
 */
export function* runFileChunks(result: RunResult, batch = 64): Generator<string> {
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
    const end = Math.min(start + batch, result.tasks.length);
    const tasks: unknown[] = start === 0 ? [] : [0];
    for (let index = start; index < end; index++) {
      tasks.push(taskResultToJSON(result.tasks[index] as TaskResult));
    }
    // nested as in the file, so one stringify indents the batch's tasks exactly as it would;
    // each task's JSON is bounded already, so the batch is within the file's depth limit
    const text = toAsciiJson({ tasks }, { depthChecked: true });
    const open = start === 0 ? BATCH_OPEN : LATER_BATCH_OPEN;
    yield text.slice(open.length, text.length - BATCH_CLOSE.length);
  }
  yield `\n  ]${head.slice(slot + TASKS_SLOT.length)}`;
}
