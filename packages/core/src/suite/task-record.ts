import { depthProblem } from "../util/json-depth.js";
import { pythonTypeName } from "../util/python-format.js";
import { SuiteFileError } from "./suite-file-error.js";
import { createTask, type Task } from "./task.js";

/**
 * One task as written in a JSONL line or an inline list, with the reference's keys.
 * camelCase aliases (`taskId`, `referenceOutputs`) are accepted too, so a {@link Task} is a
 * valid record. Unknown keys are ignored.
 *
 * @example
 * ```ts
 * const record: TaskRecord = { task_id: "fr", inputs: { input: "Capital of France?" },
 *   reference_outputs: { answer: "Paris" }, tags: ["geo"] };
 * const suite = Suite.fromList([record]);
 * ```
 */
export interface TaskRecord {
  readonly task_id?: string | null | undefined;
  readonly taskId?: string | null | undefined;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly reference_outputs?: Readonly<Record<string, unknown>> | null | undefined;
  readonly referenceOutputs?: Readonly<Record<string, unknown>> | null | undefined;
  readonly tags?: readonly string[] | null | undefined;
  readonly metadata?: Readonly<Record<string, unknown>> | null | undefined;
}

/** Where a record sits: its source, its 0-based index and, for JSONL, its 1-based line. */
export interface RecordPlace {
  readonly path: string;
  readonly index: number;
  readonly line?: number | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function where(place: RecordPlace): string {
  return place.line === undefined
    ? `${place.path}: task at index ${place.index}`
    : `${place.path}: line ${place.line}`;
}

function fail(place: RecordPlace, field: string, message: string): never {
  throw new SuiteFileError(`${where(place)}: field '${field}' ${message}`, { ...place, field });
}

/** The record's value under its reference key or its camelCase alias; they must agree. */
function aliased(item: Record<string, unknown>, place: RecordPlace, snake: string, camel: string) {
  const a = item[snake];
  const b = item[camel];
  if (a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b)) {
    fail(place, snake, `and its alias '${camel}' disagree; give only one of them`);
  }
  return a !== undefined ? a : b;
}

/** Default id of the record at `index`: `task-0000`, `task-0001`, … */
export function defaultTaskId(index: number): string {
  return `task-${String(index).padStart(4, "0")}`;
}

/**
 * Converts one parsed record into a {@link Task} by the reference's rules:
 * a missing, empty or null id becomes `task-NNNN` from the record's index; `tags` must be
 * an array of strings (a string is not split into characters); null tags or metadata mean none.
 */
export function taskFromRecord(item: unknown, place: RecordPlace): Task {
  if (!isObject(item)) {
    const got = pythonTypeName(item);
    const message =
      place.line === undefined
        ? `${place.path}: task at index ${place.index} must be a dict, got ${got}`
        : `${place.path}: line ${place.line} must be a JSON object, got ${got}`;
    throw new SuiteFileError(message, place);
  }
  // before anything below walks the record recursively (comparing aliases, freezing, saving)
  const tooDeep = depthProblem(item);
  if (tooDeep) {
    const field = tooDeep.path.split(/[.[]/)[0] ?? "";
    throw new SuiteFileError(
      `${where(place)}: field '${field}' nests deeper than ${tooDeep.limit} levels (at ${tooDeep.path}); expected at most ${tooDeep.limit} nested arrays or objects`,
      { ...place, field },
    );
  }
  if (!isObject(item.inputs)) {
    const got = item.inputs === undefined ? "" : `got ${pythonTypeName(item.inputs)}`;
    const detail = [place.line === undefined ? "" : `line ${place.line}`, got].filter(Boolean);
    const suffix = detail.length > 0 ? ` (${detail.join(": ")})` : "";
    throw new SuiteFileError(
      `${place.path}: task at index ${place.index} is missing required field 'inputs' (must be a dict)${suffix}`,
      { ...place, field: "inputs" },
    );
  }
  const rawId = aliased(item, place, "task_id", "taskId");
  if (rawId !== undefined && rawId !== null && typeof rawId !== "string") {
    fail(place, "task_id", `must be a string, got ${pythonTypeName(rawId)}`);
  }
  const reference = aliased(item, place, "reference_outputs", "referenceOutputs");
  if (reference !== undefined && reference !== null && !isObject(reference)) {
    fail(place, "reference_outputs", `must be an object or null, got ${pythonTypeName(reference)}`);
  }
  const tags = item.tags ?? [];
  if (!Array.isArray(tags)) {
    fail(place, "tags", `must be an array of strings, got ${pythonTypeName(tags)}`);
  }
  const badTag = tags.findIndex((tag) => typeof tag !== "string");
  if (badTag >= 0) {
    fail(
      place,
      "tags",
      `must be an array of strings, got ${pythonTypeName(tags[badTag])} at [${badTag}]`,
    );
  }
  const metadata = item.metadata ?? {};
  if (!isObject(metadata)) {
    fail(place, "metadata", `must be an object, got ${pythonTypeName(metadata)}`);
  }
  return createTask({
    taskId: rawId ? rawId : defaultTaskId(place.index),
    inputs: item.inputs,
    referenceOutputs: (reference as Record<string, unknown> | null | undefined) ?? null,
    tags: tags as string[],
    metadata: { ...metadata },
  });
}
