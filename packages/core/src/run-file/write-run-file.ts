import { TooDeepError } from "../errors/too-deep-error.js";
import type { RunData } from "../result/run-data.js";
import type { TaskResult } from "../result/task-result.js";
import type { BudgetViolation } from "../scoring/budget-thresholds.js";
import type { Feedback } from "../scoring/feedback.js";
import { asErrorInfo } from "../trace/to-error-info.js";
import { depthProblem, MAX_FILE_DEPTH } from "../util/json-depth.js";
import { boundTaskDepth } from "./bound-task-depth.js";
import { type EventJSON, eventToJSON } from "./event-json.js";

/** A feedback as stored: all five keys, missing ones as null. */
export interface FeedbackJSON {
  key: string;
  score: boolean | number | null;
  value: string | null;
  comment: string | null;
  detail: Record<string, unknown> | null;
}

/** One task of a run file: the reference's 12 keys, in order, plus our optional additions. */
export interface TaskResultJSON {
  task_id: string;
  inputs: Record<string, unknown>;
  reference_outputs: Record<string, unknown> | null;
  tags: string[];
  metadata: Record<string, unknown>;
  duration_ms: number;
  events: EventJSON[];
  exception: { type: string; message: string } | null;
  tokens: { input: number; output: number; cache_creation: number; cache_read: number };
  feedback: FeedbackJSON[];
  budget_violation: boolean;
  trace_ref: { trace_id: string; task_id: string | null; metadata: Record<string, unknown> } | null;
  /** Ours: which limits were exceeded; written only when some were. */
  budget_violations?: BudgetViolation[];
  /** Ours: every ask under `retries`, the graded one last; written only with retries. */
  attempts?: { error: { type: string; message: string } | null; duration_ms: number }[];
  /** Ours: the answer the scorers saw, when the trace's last model response does not hold it. */
  outputs?: { body?: string; content?: unknown };
}

/** The aggregates as stored; `tokens` has no cache counts, as in the reference. */
export interface AggregatesJSON {
  pass_rate: Record<string, number>;
  score_stats: Record<string, { mean: number; p50: number; p95: number; n: number }>;
  value_counts: Record<string, Record<string, number>>;
  tokens: { input: number; output: number; total: number };
  errors: number;
  budget_violations: number;
}

/** A run file, schema "0.1": exactly the reference's 10 top-level keys, in order. */
export interface RunJSON {
  schema_version: "0.1";
  run_id: string;
  label: string | null;
  created_at: string;
  duration_ms: number;
  suite: { name: string; size: number; source: string };
  target: string;
  concurrency: number;
  tasks: TaskResultJSON[];
  aggregates: AggregatesJSON;
  /** Ours: the run-wide budget that stopped the run early; written only then. */
  stop_reason?: { budget: string; limit: number; used: number };
  /** Ours: feedback keys whose scorer declared a direction (`"lower"`: smaller is better). */
  score_directions?: Record<string, "higher" | "lower">;
}

/** `{ type, message }`, whatever was recorded: the reader refuses an exception without them. */
function errorJSON(error: unknown): { type: string; message: string } {
  const { type, message } = asErrorInfo(error);
  return { type, message };
}

function feedbackToJSON(fb: Feedback): FeedbackJSON {
  return {
    key: fb.key,
    score: fb.score ?? null,
    value: fb.value ?? null,
    comment: fb.comment ?? null,
    detail: fb.detail ? { ...fb.detail } : null,
  };
}

/**
 * One graded task in the run file's per-task form (snake_case keys). The
 * journal of `@ag2/eval-store-fs` writes one of these per line.
 *
 * @example
 * ```ts
 * const line = JSON.stringify(taskResultToJSON(result));
 * const again = taskResultFromJSON(JSON.parse(line));
 * ```
 */
export function taskResultToJSON(result: TaskResult): TaskResultJSON {
  const { task, trace } = result;
  const tokens = trace.tokens;
  const json: TaskResultJSON = {
    task_id: task.taskId,
    inputs: { ...task.inputs },
    reference_outputs: task.referenceOutputs ? { ...task.referenceOutputs } : null,
    tags: [...task.tags],
    metadata: { ...task.metadata },
    duration_ms: trace.durationMs,
    events: trace.events.map(eventToJSON),
    exception: trace.exception ? errorJSON(trace.exception) : null,
    tokens: {
      input: tokens.input,
      output: tokens.output,
      cache_creation: tokens.cacheCreation,
      cache_read: tokens.cacheRead,
    },
    feedback: result.feedback.map(feedbackToJSON),
    budget_violation: result.budgetViolation,
    trace_ref: result.traceRef
      ? {
          trace_id: result.traceRef.traceId,
          task_id: result.traceRef.taskId ?? null,
          metadata: { ...(result.traceRef.metadata ?? {}) },
        }
      : null,
  };
  if (result.budgetViolations.length > 0) {
    json.budget_violations = result.budgetViolations.map((violation) => ({ ...violation }));
  }
  if (result.outputs) json.outputs = { ...result.outputs };
  if (result.attempts) {
    json.attempts = result.attempts.map((attempt) => ({
      error: attempt.error ? errorJSON(attempt.error) : null,
      duration_ms: attempt.durationMs,
    }));
  }
  return boundTaskDepth(json, result);
}

/**
 * A run in the run-file form, schema "0.1". `RunResult#toJSON` calls this.
 *
 * @example
 * ```ts
 * const json = runResultToJSON(result); // json.schema_version === "0.1"
 * ```
 */
export function runResultToJSON(result: RunData): RunJSON {
  const json = runFields(result);
  if (result.stopReason) json.stop_reason = { ...result.stopReason };
  if (Object.keys(result.scoreDirections).length > 0) {
    json.score_directions = { ...result.scoreDirections };
  }
  for (const [key, value] of Object.entries(result.extraFields)) {
    // an extra key never replaces a standard one (nor our own, written from the run's fields)
    if (!(key in json) && key !== "stop_reason" && key !== "score_directions")
      (json as unknown as Record<string, unknown>)[key] = value;
  }
  return json;
}

function runFields(result: RunData): RunJSON {
  const { aggregates } = result;
  const scoreStats: AggregatesJSON["score_stats"] = {};
  for (const [key, stats] of Object.entries(aggregates.scoreStats)) {
    scoreStats[key] = { mean: stats.mean, p50: stats.p50, p95: stats.p95, n: stats.n };
  }
  const valueCounts: AggregatesJSON["value_counts"] = {};
  for (const [key, counts] of Object.entries(aggregates.valueCounts))
    valueCounts[key] = { ...counts };
  return {
    schema_version: "0.1",
    run_id: result.runId,
    label: result.label,
    created_at: result.createdAt,
    duration_ms: result.durationMs,
    suite: { name: result.suite.name, size: result.suite.size, source: result.suite.source },
    target: result.target,
    concurrency: result.concurrency,
    tasks: result.tasks.map(taskResultToJSON),
    aggregates: {
      pass_rate: { ...aggregates.passRate },
      score_stats: scoreStats,
      value_counts: valueCounts,
      tokens: {
        input: aggregates.tokens.input,
        output: aggregates.tokens.output,
        total: aggregates.tokens.total,
      },
      errors: aggregates.errors,
      budget_violations: aggregates.budgetViolations,
    },
  };
}

/**
 * The run file's text: 2-space indent and every non-ASCII character escaped as `\uXXXX`,
 * as Python's `json.dumps(indent=2)` (with its default `ensure_ascii`) writes it.
 *
 * @example
 * ```ts
 * await writeFile(`runs/${result.runId}.json`, runResultToJsonText(result));
 * ```
 */
export function runResultToJsonText(result: RunData): string {
  return toAsciiJson(runResultToJSON(result));
}

const NOT_ASCII_ALL = /[\u007f-\uffff]/g;

/**
 * `JSON.stringify(value, null, 2)` escaped like Python's `ensure_ascii` (DEL and everything past
 * it). A value nested past `MAX_FILE_DEPTH` is refused with a `TooDeepError`, unless
 * `depthChecked` says the caller built it within that limit (a few levels around tasks from
 * {@link taskResultToJSON}, which are bounded already), so it is not walked twice.
 */
export function toAsciiJson(value: unknown, options: { depthChecked?: boolean } = {}): string {
  // JSON.stringify recurses once per level; refuse before it can overflow the stack
  const tooDeep = options.depthChecked ? null : depthProblem(value, { limit: MAX_FILE_DEPTH });
  if (tooDeep) throw new TooDeepError("the value to save", tooDeep);
  const text = JSON.stringify(value, null, 2);
  // most run files are plain ASCII: counting UTF-8 bytes (native, vectorized) and a search for
  // DEL are cheaper than a regex scan, and far cheaper than a replace that matches nothing
  if (Buffer.byteLength(text, "utf8") === text.length && !text.includes("\u007f")) return text;
  return text.replace(
    NOT_ASCII_ALL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
