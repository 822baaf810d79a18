import { type RunInfo, RunResult } from "@ag2/eval-core";
import { runInfo, runResultToJSON } from "@ag2/eval-core/internal";

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

/** A run as rows: the run's own row (without its tasks) and one JSON text per task. */
export interface RunRows {
  /** Values for the run row's columns, in the insert's order. */
  readonly run: readonly unknown[];
  readonly taskIds: string[];
  readonly bodies: string[];
}

// what PostgreSQL's timestamptz reads the same as Date.parse; anything else sorts last
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** The text for the `created_ts` column, or null when `created_at` is not a clear instant. */
export function sortableInstant(createdAt: string): string | null {
  return ISO_INSTANT.test(createdAt) && !Number.isNaN(Date.parse(createdAt)) ? createdAt : null;
}

/** The rows of `result`: each task converted once, to the run file's per-task form. */
export function runRows(result: RunResult): RunRows {
  const json = runResultToJSON(result);
  const taskIds: string[] = [];
  const bodies: string[] = [];
  for (const task of json.tasks) {
    taskIds.push(task.task_id);
    bodies.push(JSON.stringify(task));
  }
  json.tasks = [];
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
    bodies.length,
    JSON.stringify(json),
  ];
  return { run, taskIds, bodies };
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
