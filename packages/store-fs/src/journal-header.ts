import type { JournalHeader } from "@ag2/eval-core/internal";

/** Marks the first line of a journal; bump the number for an incompatible layout. */
export const JOURNAL_FORMAT = "ag2-eval.journal/1";

/** The header line as stored (snake_case, like the run file). */
export interface JournalHeaderJSON {
  readonly journal: typeof JOURNAL_FORMAT;
  readonly run_id: string;
  readonly label: string | null;
  readonly created_at: string;
  readonly target: string;
  readonly concurrency: number;
  readonly suite: { readonly name: string; readonly source: string; readonly size: number };
  readonly task_ids: readonly string[];
  // optional: journals written before scorer keys were recorded lack it
  readonly scorers?: readonly string[];
  // optional: how the caller started the run (the CLI's suite, modules and flags)
  readonly invocation?: Readonly<Record<string, unknown>>;
}

type JsonObject = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every(isString);

/** Field, test, expected — in the order the header is written, so the first problem is reported. */
const FIELDS: readonly [string, (value: unknown) => boolean, string][] = [
  ["journal", (value) => value === JOURNAL_FORMAT, JSON.stringify(JOURNAL_FORMAT)],
  ["run_id", isString, "a string"],
  ["label", (value) => value === null || isString(value), "a string or null"],
  ["created_at", isString, "a string"],
  ["target", isString, "a string"],
  ["concurrency", Number.isSafeInteger, "an integer"],
  ["suite", isRecord, "an object"],
  ["suite.name", isString, "a string"],
  ["suite.source", isString, "a string"],
  ["suite.size", Number.isSafeInteger, "an integer"],
  ["task_ids", isStrings, "an array of strings"],
  ["scorers", (value) => value === undefined || isStrings(value), "an array of strings"],
  ["invocation", (value) => value === undefined || isRecord(value), "an object"],
];

function valueAt(json: JsonObject, field: string): unknown {
  const [outer, inner] = field.split(".") as [string, string | undefined];
  const value = json[outer];
  return inner === undefined ? value : (value as JsonObject)[inner];
}

/** A short description of a JSON value for the error message: `3 (number)`. */
function describe(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return `${text.length > 60 ? `${text.slice(0, 57)}...` : text} (${typeof value})`;
}

/**
 * The first problem with a parsed header line, as `field: expected …, got …`, or `undefined`
 * when it is a valid header. Extra keys are ignored (a later writer may add some).
 */
export function headerProblem(json: unknown): string | undefined {
  if (!isRecord(json)) return `expected an object, got ${describe(json)}`;
  for (const [field, test, expected] of FIELDS) {
    const value = valueAt(json, field);
    if (!test(value)) return `${field}: expected ${expected}, got ${describe(value)}`;
  }
  return undefined;
}

/** The header line's JSON; keys as the reader checks them. */
export function headerToJSON(header: JournalHeader): JournalHeaderJSON {
  return {
    journal: JOURNAL_FORMAT,
    run_id: header.runId,
    label: header.label,
    created_at: header.createdAt,
    target: header.target,
    concurrency: header.concurrency,
    suite: { name: header.suite.name, source: header.suite.source, size: header.suite.size },
    task_ids: [...header.taskIds],
    ...(header.scorers ? { scorers: [...header.scorers] } : {}),
    ...(header.invocation ? { invocation: header.invocation } : {}),
  };
}

/** The header from a line {@link headerProblem} accepted; keys it does not know are left out. */
export function headerFromJSON(json: JournalHeaderJSON): JournalHeader {
  const { suite } = json;
  return {
    runId: json.run_id,
    label: json.label,
    createdAt: json.created_at,
    target: json.target,
    concurrency: json.concurrency,
    suite: { name: suite.name, source: suite.source, size: suite.size },
    taskIds: [...json.task_ids],
    ...(json.scorers ? { scorers: [...json.scorers] } : {}),
    ...(json.invocation ? { invocation: json.invocation } : {}),
  };
}

/** Whether two headers start the same run: a resume reuses its journal's header. */
export function sameHeader(a: JournalHeader, b: JournalHeader): boolean {
  // createdAt tells a resume (which reuses the journal's header) from a new run under an old id.
  return (
    a.runId === b.runId &&
    a.createdAt === b.createdAt &&
    a.taskIds.length === b.taskIds.length &&
    a.taskIds.every((id, index) => id === b.taskIds[index])
  );
}
