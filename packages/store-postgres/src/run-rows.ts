import { type RunInfo, RunResult, type TaskResult } from "@ag2/eval-core";
import { runInfo, runResultToJSON, taskResultToJSON } from "@ag2/eval-core/internal";

/** The columns of a listing row, in the order {@link LISTING_COLUMNS} names them. */
interface ListingRow {
  readonly run_id: string;
  readonly label: string | null;
  readonly created_at: string;
  readonly duration_ms: number;
  readonly target: string;
  readonly suite_name: string;
  readonly suite_source: string;
  readonly suite_size: number;
  readonly pass_rate: string;
  readonly score_means: string;
  readonly errors: number;
}

/** What `list` selects: everything a {@link RunInfo} holds, none of the tasks. */
export const LISTING_COLUMNS =
  "run_id, label, created_at, duration_ms, target, suite_name, suite_source, suite_size, pass_rate, score_means, errors";

/** Newest first, the order both run indexes are built in. */
export const NEWEST_FIRST = "created_ts DESC NULLS LAST, created_at DESC, run_id DESC";

/** At most this many tasks go in one insert: bounds one statement's size. */
export const TASKS_PER_INSERT = 2000;

/** Consecutive tasks of a run, for one insert. */
export interface TaskBatch {
  /** The position of the first task in the run. */
  readonly start: number;
  readonly taskIds: readonly string[];
  /**
   * The tasks' JSON texts joined by newlines: JSON.stringify never writes a raw newline, so
   * the server splits them apart again. One plain text parameter costs no escaping, where a
   * text array had pg quote and backslash-escape every body on the client.
   */
  readonly bodies: string;
}

/** A run as rows: the run's own row (without its tasks) and its tasks' JSON, in batches. */
export interface RunRows {
  /** Values for the run row's columns, in the insert's order. */
  readonly run: readonly unknown[];
  readonly batches: readonly TaskBatch[];
}

// what PostgreSQL's timestamptz reads the same as Date.parse; anything else sorts last
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** The text for the `created_ts` column, or null when `created_at` is not a clear instant. */
export function sortableInstant(createdAt: string): string | null {
  return ISO_INSTANT.test(createdAt) && !Number.isNaN(Date.parse(createdAt)) ? createdAt : null;
}

/**
 * The rows of `result`. Each task is converted to the run file's per-task form and to text on
 * its own, so the converted objects die young: converting the whole run first kept every
 * task's JSON tree alive at once, and the garbage collector's copying of it was most of a
 * large save's CPU time.
 */
export function runRows(result: RunResult): RunRows {
  // the run's own fields with an empty task list; the listing fields come from the whole run
  const json = runResultToJSON(Object.create(result, { tasks: { value: [] } }) as RunResult);
  const batches: TaskBatch[] = [];
  const { tasks } = result;
  for (let start = 0; start < tasks.length; start += TASKS_PER_INSERT) {
    const end = Math.min(start + TASKS_PER_INSERT, tasks.length);
    const taskIds: string[] = [];
    const bodies: string[] = [];
    for (let index = start; index < end; index++) {
      const task = taskResultToJSON(tasks[index] as TaskResult);
      taskIds.push(task.task_id);
      bodies.push(JSON.stringify(task));
    }
    batches.push({ start, taskIds, bodies: bodies.join("\n") });
  }
  const info = runInfo(result);
  const run = [
    info.runId,
    info.label,
    info.createdAt,
    sortableInstant(info.createdAt),
    info.durationMs,
    info.target,
    info.suite.name,
    info.suite.source,
    info.suite.size,
    JSON.stringify(info.passRate),
    JSON.stringify(info.scoreMeans),
    info.errors,
    tasks.length,
    JSON.stringify(json),
  ];
  return { run, batches };
}

/** The insert matching {@link RunRows.run}. */
export const RUN_COLUMNS =
  "run_id, label, created_at, created_ts, duration_ms, target, suite_name, suite_source, suite_size, pass_rate, score_means, errors, task_count, head";

/** A listing row as the {@link RunInfo} core's stores return. */
export function runInfoFromRow(row: ListingRow): RunInfo {
  return {
    runId: row.run_id,
    label: row.label,
    createdAt: row.created_at,
    durationMs: Number(row.duration_ms),
    target: row.target,
    suite: { name: row.suite_name, source: row.suite_source, size: Number(row.suite_size) },
    passRate: JSON.parse(row.pass_rate) as Record<string, number>,
    scoreMeans: JSON.parse(row.score_means) as Record<string, number>,
    errors: Number(row.errors),
  };
}

/**
 * The run from its head and its tasks' JSON joined by commas, read through core's run-file
 * reader, so a stored run is checked exactly as a run file would be.
 */
export function runFromRows(head: string, tasks: string | null, source: string): RunResult {
  const json = JSON.parse(head) as Record<string, unknown>;
  json.tasks = JSON.parse(`[${tasks ?? ""}]`);
  return RunResult.fromJSON(json, { source });
}
