import type { TaskResult } from "../result/task-result.js";
import { depthProblem, MAX_JSON_DEPTH } from "../util/json-depth.js";
import type { TaskResultJSON } from "./write-run-file.js";

/**
 * Graded tasks whose JSON was found within the limit. A graded task is not changed after
 * grading (what the scorers read is frozen), and it is written at least twice (its journal
 * line, then the run file), so its values are walked once, not once per write.
 */
const withinLimit = new WeakSet<TaskResult>();

/** What a too-deep field is saved as: an empty value of the kind the run file expects. */
function emptyLike(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  return typeof value === "object" && value !== null ? {} : null;
}

/**
 * The task as it can be saved: every field nested past `MAX_JSON_DEPTH` (an agent's trace events,
 * a scorer's detail, inputs built in code) is emptied, and the task's exception says which and
 * where, so the writer never overflows and the run's other tasks are still saved. `json` is
 * `result`'s run-file form; the result of a task once found within the limit is not walked again.
 */
export function boundTaskDepth(json: TaskResultJSON, result: TaskResult): TaskResultJSON {
  if (withinLimit.has(result)) return json;
  // a field past the limit is exactly a task one level deeper than it
  if (!depthProblem(json, { limit: MAX_JSON_DEPTH + 1 })) {
    withinLimit.add(result);
    return json;
  }
  const notes: string[] = [];
  const bounded: Record<string, unknown> = { ...json };
  for (const [field, value] of Object.entries(json)) {
    const tooDeep = depthProblem(value, { path: field });
    if (!tooDeep) continue;
    const empty = emptyLike(value);
    bounded[field] = empty;
    notes.push(
      `field '${field}' nests deeper than ${tooDeep.limit} levels (at ${tooDeep.path}) and was saved as ${JSON.stringify(empty)}`,
    );
  }
  const note = `not saved in full: ${notes.join("; ")}`;
  const exception = json.exception
    ? { type: json.exception.type, message: `${json.exception.message} (${note})` }
    : { type: "TooDeepError", message: note };
  return { ...(bounded as unknown as TaskResultJSON), exception };
}
