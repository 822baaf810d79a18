import type { RunResultInit } from "../result/run-data.js";
import type { TaskResult } from "../result/task-result.js";
import type { Feedback } from "../scoring/feedback.js";
import { createTask } from "../suite/task.js";
import { tokenUsage } from "../trace/token-usage.js";
import { Trace } from "../trace/trace.js";
import type { TraceEvent } from "../trace/trace-events.js";
import { depthProblem, MAX_FILE_DEPTH } from "../util/json-depth.js";
import { eventFromJSON } from "./event-json.js";
import { describeFound, RunFileError } from "./run-file-error.js";
// types only: the zod schemas stay off the load path
import type { RunFile, TaskResultFile } from "./run-file-schema.js";
import { runFileCheck, taskResultFileCheck, traceEventCheck } from "./run-file-shapes.js";
import type { Problem } from "./shape-check.js";

/** Where the JSON being read came from, for error messages. */
export interface ReadOptions {
  /** A file path or other origin, named first in every error message. */
  readonly source?: string | undefined;
}

/** `tasks[3].feedback[0].score` from a problem's path. */
function fieldPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

function schemaError(found: Problem, root: unknown, source: string | undefined): RunFileError {
  return new RunFileError({
    source,
    field: fieldPath(found.path),
    expected: found.expected,
    found: describeFound(valueAt(root, found.path)),
  });
}

/** Refuses a value nested past the limit before the shape checks and later printing recurse into it. */
function checkDepth(json: unknown, source: string | undefined): void {
  const tooDeep = depthProblem(json, { limit: MAX_FILE_DEPTH });
  if (!tooDeep) return;
  throw new RunFileError({
    source,
    field: tooDeep.path,
    expected: `at most ${tooDeep.limit} nested arrays or objects`,
    found: "a value nested deeper",
  });
}

function taskFromFile(json: TaskResultFile): TaskResult {
  const events = (json.events ?? []).flatMap((event) => {
    const parsed = eventFromJSON(event);
    return traceEventCheck(parsed) ? [] : [parsed as TraceEvent];
  });
  const tokens = json.tokens;
  const trace = new Trace({
    events,
    exception: json.exception
      ? { type: json.exception.type, message: json.exception.message }
      : null,
    durationMs: json.duration_ms ?? 0,
    tokens: tokenUsage({
      input: tokens?.input ?? 0,
      output: tokens?.output ?? 0,
      cacheCreation: tokens?.cache_creation ?? 0,
      cacheRead: tokens?.cache_read ?? 0,
    }),
  });
  const feedback: Feedback[] = (json.feedback ?? []).map((fb) => ({
    key: fb.key,
    score: fb.score ?? null,
    value: fb.value ?? null,
    comment: fb.comment ?? null,
    detail: fb.detail ?? null,
  }));
  const ref = json.trace_ref;
  const attempts = json.attempts?.map((attempt) => ({
    error: attempt.error ? { type: attempt.error.type, message: attempt.error.message } : null,
    durationMs: attempt.duration_ms,
  }));
  const result: TaskResult = {
    task: createTask({
      taskId: json.task_id,
      inputs: json.inputs,
      referenceOutputs: json.reference_outputs ?? null,
      tags: json.tags ?? [],
      metadata: json.metadata ?? {},
    }),
    trace,
    feedback,
    budgetViolation: json.budget_violation ?? false,
    budgetViolations: (json.budget_violations ?? []).map((v) => ({
      limit: v.limit,
      threshold: v.threshold,
      actual: v.actual,
    })),
    traceRef: ref
      ? { traceId: ref.trace_id, taskId: ref.task_id ?? null, metadata: ref.metadata ?? {} }
      : null,
  };
  return attempts ? { ...result, attempts } : result;
}

/**
 * Rebuilds one graded task from its run-file form ({@link taskResultToJSON}'s output, or a
 * task of a run file written by the Python framework). Events of unknown shape are dropped;
 * without model responses the trace reports the stored token totals.
 *
 * @example
 * ```ts
 * const result = taskResultFromJSON(JSON.parse(line), { source: "journal.jsonl line 4" });
 * ```
 */
export function taskResultFromJSON(json: unknown, options: ReadOptions = {}): TaskResult {
  checkDepth(json, options.source);
  const found = taskResultFileCheck(json);
  if (found) throw schemaError(found, json, options.source);
  return taskFromFile(json as TaskResultFile);
}

/**
 * What a `RunResult` is rebuilt from, read from a parsed run file (schema "0.1"); the
 * `RunResult` computes the aggregates again from the tasks. Missing optional fields take the
 * reference loader's defaults.
 *
 * @example
 * ```ts
 * const run = new RunResult(runInitFromJSON(JSON.parse(text), { source: path }));
 * ```
 */
export function runInitFromJSON(json: unknown, options: ReadOptions = {}): RunResultInit {
  const { source } = options;
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new RunFileError({
      source,
      field: "",
      expected: "a run file (a JSON object)",
      found: describeFound(json),
    });
  }
  const version = (json as Record<string, unknown>).schema_version;
  if (version !== undefined && version !== "0.1") {
    throw new RunFileError(
      { source, field: "schema_version", expected: '"0.1"', found: describeFound(version) },
      {
        note: "this release reads run files of schema 0.1 only; a newer ag2-eval may read this one",
      },
    );
  }
  checkDepth(json, source);
  const found = runFileCheck(json);
  if (found) throw schemaError(found, json, source);
  const data = json as RunFile;
  const tasks = data.tasks.map(taskFromFile);
  return {
    runId: data.run_id ?? "",
    tasks,
    suite: {
      name: data.suite?.name ?? "loaded",
      source: data.suite?.source ?? source ?? "",
      size: data.suite?.size ?? tasks.length,
    },
    target: data.target ?? "",
    concurrency: data.concurrency ?? 1,
    durationMs: data.duration_ms ?? 0,
    createdAt: data.created_at ?? "",
    label: data.label ?? null,
    stopReason: data.stop_reason
      ? {
          budget: data.stop_reason.budget,
          limit: data.stop_reason.limit,
          used: data.stop_reason.used,
        }
      : null,
    extraFields: extraFieldsOf(data),
  };
}

const STANDARD_KEYS = new Set([
  "schema_version",
  "run_id",
  "label",
  "created_at",
  "duration_ms",
  "suite",
  "target",
  "concurrency",
  "tasks",
  "aggregates",
  "stop_reason",
]);

function extraFieldsOf(data: object): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!STANDARD_KEYS.has(key)) extra[key] = value;
  }
  return extra;
}

/**
 * {@link runInitFromJSON} on a run file's text; invalid or truncated JSON is a
 * {@link RunFileError} too.
 *
 * @example
 * ```ts
 * const run = new RunResult(runInitFromText(await readFile(path, "utf8"), { source: path }));
 * ```
 */
export function runInitFromText(text: string, options: ReadOptions = {}): RunResultInit {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunFileError(
      {
        source: options.source,
        field: "",
        expected: "a complete JSON document",
        found: `invalid JSON (${reason})`,
      },
      { cause: error },
    );
  }
  return runInitFromJSON(json, options);
}
