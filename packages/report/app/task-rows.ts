import type { EventJSON, TaskResultJSON } from "@ag2/eval-core/internal";
import type { RunView } from "../src/report-data.ts";
import type { Status } from "./ui.tsx";

/** A task's result on one key over its repeats. */
export interface KeyCell {
  readonly status: Status;
  readonly text: string;
}

/** One row of the task table: a task with its repeats grouped under it. */
export interface TaskRow {
  readonly group: number;
  readonly id: string;
  readonly runs: readonly TaskResultJSON[];
  readonly cells: Readonly<Record<string, KeyCell>>;
  readonly errorType: string | null;
  readonly durationMs: number;
  readonly tokens: number;
  readonly tags: readonly string[];
  /** Lower-cased ids, inputs, reference outputs and final outputs, built on first search. */
  search?: string;
}

export type StatusFilter = "all" | "failing" | "passing" | "flaky" | "errored";
export type SortBy = "order" | "id" | "status" | "duration" | "tokens";

export interface TaskQuery {
  readonly key: string;
  readonly status: StatusFilter;
  readonly tag: string;
  readonly error: string;
  readonly text: string;
  readonly sort: SortBy;
  readonly descending: boolean;
}

export const NO_QUERY: TaskQuery = {
  key: "",
  status: "all",
  tag: "",
  error: "",
  text: "",
  sort: "order",
  descending: false,
};

export function lastScore(task: TaskResultJSON, key: string): boolean | number | null {
  let score: boolean | number | null = null;
  for (const fb of task.feedback) if (fb.key === key && fb.score !== null) score = fb.score;
  return score;
}

/** The final output of a task run: the content of its last model response. */
export function finalOutput(task: TaskResultJSON): string | null {
  for (let i = task.events.length - 1; i >= 0; i--) {
    const event = task.events[i] as EventJSON;
    if (event.type === "ModelResponse")
      return typeof event.content === "string" ? event.content : null;
  }
  return null;
}

export function cellOf(runs: readonly TaskResultJSON[], key: string): KeyCell {
  // plain loops: the table builds a cell per task and key on opening, 10,000s of them
  let bools = 0;
  let passes = 0;
  let numbers = 0;
  let total = 0;
  for (const run of runs) {
    const score = lastScore(run, key);
    if (typeof score === "boolean") {
      bools++;
      if (score) passes++;
    } else if (typeof score === "number") {
      numbers++;
      total += score;
    }
  }
  if (bools > 0) {
    const status = passes === bools ? "pass" : passes === 0 ? "fail" : "mixed";
    const text = runs.length === 1 ? (passes ? "pass" : "fail") : `${passes}/${bools}`;
    return { status, text };
  }
  if (numbers > 0) {
    return { status: "score", text: Number((total / numbers).toFixed(3)).toString() };
  }
  if (runs.some((run) => run.exception)) return { status: "error", text: "error" };
  return { status: "none", text: "—" };
}

const rowsCache = new WeakMap<RunView, TaskRow[]>();

export function taskRows(run: RunView, keys: readonly string[]): TaskRow[] {
  const cached = rowsCache.get(run);
  if (cached) return cached;
  const rows = run.groups.map((group, index): TaskRow => {
    const runs = group.tasks.map((i) => run.tasks[i] as TaskResultJSON);
    let errorType: string | null = null;
    let durationMs = 0;
    let tokens = 0;
    for (const r of runs) {
      if (errorType === null && r.exception) errorType = r.exception.type;
      durationMs += r.duration_ms;
      tokens += r.tokens.input + r.tokens.output;
    }
    return {
      group: index,
      id: group.id,
      runs,
      // keys are run text ("__proto__" included): own properties, never an assignment
      cells: Object.fromEntries(keys.map((key) => [key, cellOf(runs, key)])),
      errorType,
      durationMs: durationMs / Math.max(1, runs.length),
      tokens,
      tags: runs[0]?.tags ?? [],
    };
  });
  rowsCache.set(run, rows);
  return rows;
}

function searchText(row: TaskRow): string {
  if (row.search === undefined) {
    const parts = [row.id];
    for (const run of row.runs) {
      parts.push(
        JSON.stringify(run.inputs),
        JSON.stringify(run.reference_outputs),
        finalOutput(run) ?? "",
      );
    }
    row.search = parts.join("\n").toLowerCase();
  }
  return row.search;
}

const RANK: Readonly<Record<Status, number>> = {
  error: 0,
  fail: 1,
  mixed: 2,
  none: 3,
  score: 4,
  pass: 5,
};

function matchesStatus(row: TaskRow, query: TaskQuery, keys: readonly string[]): boolean {
  if (query.status === "all") return true;
  if (query.status === "errored") return row.errorType !== null;
  // plain loops: a filter runs over every row of a 10,000-task table
  let cells = 0;
  for (const key of query.key ? [query.key] : keys) {
    const status = row.cells[key]?.status;
    if (status === undefined) continue;
    cells++;
    if (query.status === "failing" && (status === "fail" || status === "mixed")) return true;
    if (query.status === "flaky" && status === "mixed") return true;
    if (query.status === "passing" && status !== "pass" && status !== "score") return false;
  }
  return query.status === "passing" && cells > 0;
}

/** The rows a query keeps, in its order. */
export function queryRows(
  rows: readonly TaskRow[],
  query: TaskQuery,
  keys: readonly string[],
): TaskRow[] {
  const text = query.text.trim().toLowerCase();
  const kept = rows.filter(
    (row) =>
      matchesStatus(row, query, keys) &&
      (!query.tag || row.tags.includes(query.tag)) &&
      (!query.error || row.errorType === query.error) &&
      (!text || searchText(row).includes(text)),
  );
  const statusKey = query.key || keys[0] || "";
  const compare: Record<SortBy, (a: TaskRow, b: TaskRow) => number> = {
    order: (a, b) => a.group - b.group,
    id: (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    status: (a, b) =>
      RANK[a.cells[statusKey]?.status ?? "none"] - RANK[b.cells[statusKey]?.status ?? "none"],
    duration: (a, b) => a.durationMs - b.durationMs,
    tokens: (a, b) => a.tokens - b.tokens,
  };
  const by = compare[query.sort];
  kept.sort((a, b) => (query.descending ? by(b, a) : by(a, b)) || a.group - b.group);
  return kept;
}
