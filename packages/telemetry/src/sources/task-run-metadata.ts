import { ATTR } from "../conventions/semconv.js";
import type { Attributes } from "../spans/span-data.js";

/**
 * What a trace's spans say about the task run they belong to, for its `TraceRef.metadata`:
 * the suite's task id of a repeat (`originalTaskId`, `repeat`) and which ask of a retried task
 * run it was (`attempt`, from 1). The grading core joins repeats to their suite task and keeps
 * attempts inside one task by these. Read from the first attribute set holding any of them.
 *
 * @example
 * ```ts
 * taskRunMetadata([{ "ag2.eval.original_task_id": "t1", "ag2.eval.repeat": "2" }]);
 * // { originalTaskId: "t1", repeat: 2 }
 * ```
 */
export function taskRunMetadata(
  attributeSets: Iterable<Attributes | null | undefined>,
): Record<string, string | number> {
  const metadata: Record<string, string | number> = {};
  for (const attributes of attributeSets) {
    if (!attributes) continue;
    const original = attributes[ATTR.originalTaskId];
    const repeat = whole(attributes[ATTR.repeat]);
    const attempt = whole(attributes[ATTR.attempt]);
    if (typeof original !== "string" && repeat === null && attempt === null) continue;
    if (typeof original === "string") metadata.originalTaskId = original;
    if (repeat !== null) metadata.repeat = repeat;
    if (attempt !== null) metadata.attempt = attempt;
    break;
  }
  return metadata;
}

function whole(value: unknown): number | null {
  const number = typeof value === "string" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= 1 ? number : null;
}
