import { pythonTypeName } from "../util/python-format.js";
import { readSuiteText } from "./read-suite-text.js";
import { SuiteFileError } from "./suite-file-error.js";
import {
  type ResolvedMapping,
  recordFromRow,
  resolveMapping,
  type SuiteMapping,
} from "./suite-mapping.js";
import type { Task } from "./task.js";
import { TaskCollector } from "./task-collector.js";

/**
 * The 1-based line on which each element of a top-level JSON array starts, found by a scan
 * that skips strings; `JSON.parse` keeps no positions.
 */
function elementStarts(text: string): { line: number; offset: number }[] {
  const starts: { line: number; offset: number }[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\n") continue;
    if (depth === 1 && expectValue && c !== "]") {
      starts.push({ line, offset: i });
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 1) expectValue = true;
  }
  return starts;
}

function lineAt(text: string, position: number): number {
  return text.slice(0, position).split("\n").length;
}

/** The line of the first element that does not parse on its own (Node 20 gives no position). */
function badElementLine(text: string): number | undefined {
  const starts = elementStarts(text);
  const close = text.lastIndexOf("]");
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1]?.offset ?? (close > start.offset ? close : text.length);
    const slice = text.slice(start.offset, end).trim().replace(/,$/, "");
    try {
      JSON.parse(slice);
    } catch {
      return start.line;
    }
  }
  return undefined;
}

/**
 * Reads a suite written as one JSON array of task objects. Without a mapping each element
 * is a task record, as in JSONL; with one, its parts are taken from the named fields.
 * Errors name the file and the line the element starts on.
 */
export async function readJsonTasks(file: string, mapping?: SuiteMapping): Promise<Task[]> {
  const text = await readSuiteText(file, "a JSON suite file");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason)?.[1];
    const line = position === undefined ? badElementLine(text) : lineAt(text, Number(position));
    const where = line === undefined ? "" : ` (line ${line})`;
    throw new SuiteFileError(
      `${file}: is not valid JSON${where}: ${reason}`,
      { path: file, line },
      { cause: error },
    );
  }
  if (!Array.isArray(parsed)) {
    throw new SuiteFileError(
      `${file}: expected a JSON array of task objects, got ${pythonTypeName(parsed)}`,
      { path: file, line: 1 },
    );
  }
  const lines = elementStarts(text).map((start) => start.line);
  const fields = [...new Set(parsed.flatMap((item) => (isObject(item) ? Object.keys(item) : [])))];
  const resolved = mapping === undefined ? undefined : resolveMapping(fields, mapping, file);
  const collector = new TaskCollector();
  for (const [index, item] of parsed.entries()) {
    const line = lines[index];
    const record =
      mapping && resolved && isObject(item) ? overridden(item, mapping, resolved) : item;
    collector.add(record, { path: file, line }, `line ${line}`);
  }
  return collector.tasks;
}

const PARTS = [
  ["taskId", "task_id"],
  ["inputs", "inputs"],
  ["referenceOutputs", "reference_outputs"],
  ["tags", "tags"],
  ["metadata", "metadata"],
] as const;

/** The element with only the parts the mapping names taken from its fields. */
function overridden(
  item: Record<string, unknown>,
  mapping: SuiteMapping,
  resolved: ResolvedMapping,
): Record<string, unknown> {
  const mapped = recordFromRow(item, resolved);
  const record = { ...item };
  for (const [part, key] of PARTS) {
    if (mapping[part] === undefined) continue;
    delete record[part];
    record[key] = mapped[key];
  }
  return record;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
