import { readFile } from "node:fs/promises";
import type { Trace, TraceRef, TraceSource } from "@ag2/eval-core";
import { ATTR } from "../conventions/semconv.js";
import type { SpanConvention } from "../conventions/span-convention.js";
import { otlpJsonToSpans } from "../convert/otlp-json-to-spans.js";
import { spansToTrace } from "../convert/spans-to-trace.js";
import { type SpanData, stringAttr } from "../spans/span-data.js";
import { taskRunMetadata } from "./task-run-metadata.js";
import { TraceFileError } from "./trace-file-error.js";

/** Options of {@link OtlpFileTraceSource}. */
export interface OtlpFileTraceSourceOptions {
  readonly conventions?: readonly SpanConvention[] | undefined;
  /** The span (or resource) attribute that names the task; default `ag2.eval.task_id`. */
  readonly taskIdAttribute?: string | undefined;
}

interface Group {
  readonly ref: TraceRef;
  readonly spans: SpanData[];
}

function readSpans(path: string, text: string): SpanData[] {
  const spans: SpanData[] = [];
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch (error) {
      throw new TraceFileError(
        path,
        index + 1,
        `got a line that is not JSON (${(error as Error).message}), expected one OTLP JSON document per line`,
        { cause: error },
      );
    }
    const problem = notOtlp(doc);
    if (problem !== null) throw new TraceFileError(path, index + 1, problem);
    spans.push(...otlpJsonToSpans(doc));
  }
  return spans;
}

/**
 * Why `doc` is not an OTLP/JSON traces document, or null when it is one. Without this check
 * a file of other JSON (logs, metrics, a suite) would read as zero traces and grade nothing.
 */
function notOtlp(doc: unknown): string | null {
  const expected =
    'expected an OTLP JSON traces document ({"resourceSpans": [...]}, or Tempo\'s {"batches": [...]})';
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return `got ${Array.isArray(doc) ? "an array" : doc === null ? "null" : `a ${typeof doc}`}, ${expected}`;
  }
  const record = doc as Record<string, unknown>;
  if (typeof record.trace === "object" && record.trace !== null) return notOtlp(record.trace);
  const spans = record.resourceSpans ?? record.batches;
  if (Array.isArray(spans)) return null;
  const keys = Object.keys(record);
  const found =
    spans !== undefined
      ? `"${"resourceSpans" in record ? "resourceSpans" : "batches"}" that is not an array`
      : keys.length === 0
        ? "an empty object"
        : `an object with keys ${keys
            .slice(0, 5)
            .map((key) => JSON.stringify(key))
            .join(", ")}${keys.length > 5 ? ", ..." : ""}`;
  return `got ${found}, ${expected}`;
}

/**
 * Reads a file of OTLP JSON lines, as the OpenTelemetry Collector's `file` exporter writes it
 * (one `{"resourceSpans": …}` document per line; a single pretty-printed document works too).
 * The file may hold many traces of many tasks: spans are grouped by trace id, then traces
 * naming the same task (`ag2.eval.task_id` on a span or the resource, within one
 * `ag2.eval.run_id` and `ag2.eval.attempt`) are merged, so a framework that started a second
 * trace stays with its task. A ref's metadata holds the repeat and attempt the spans name. A line that is not JSON, or JSON that is not an OTLP traces document, fails `list`
 * with a {@link TraceFileError} naming the file and line, and so does a file without a single
 * span: grading a silently shortened or empty file would give wrong results.
 *
 * @example
 * ```ts
 * const result = await evaluateTraces(new OtlpFileTraceSource("spans.jsonl"), { scorers, suite });
 * ```
 */
export class OtlpFileTraceSource implements TraceSource {
  readonly path: string;
  readonly #options: OtlpFileTraceSourceOptions;
  #groups: Promise<Map<string, Group>> | null = null;

  constructor(path: string, options: OtlpFileTraceSourceOptions = {}) {
    this.path = path;
    this.#options = options;
  }

  async *list(): AsyncIterable<TraceRef> {
    // Re-read on every listing: the collector may still be appending.
    this.#groups = this.#read();
    for (const group of (await this.#groups).values()) yield group.ref;
  }

  async load(ref: TraceRef): Promise<Trace> {
    this.#groups ??= this.#read();
    const group = (await this.#groups).get(ref.traceId);
    if (!group) {
      throw new TraceFileError(
        this.path,
        null,
        `trace ${JSON.stringify(ref.traceId)} not found in the file`,
      );
    }
    return spansToTrace(group.spans, { conventions: this.#options.conventions });
  }

  async #read(): Promise<Map<string, Group>> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      throw new TraceFileError(
        this.path,
        null,
        `cannot read the OTLP file (${(error as Error).message})`,
        {
          cause: error,
        },
      );
    }
    // A pretty-printed single document parses whole; JSON lines fail that after the first line.
    const whole = tryParse(text);
    let spans: SpanData[];
    if (whole === undefined) spans = readSpans(this.path, text);
    else {
      const problem = notOtlp(whole);
      if (problem !== null) throw new TraceFileError(this.path, 1, problem);
      spans = otlpJsonToSpans(whole);
    }
    if (spans.length === 0) {
      // Grading an empty file would save a run of zero tasks that reads as a clean pass.
      throw new TraceFileError(
        this.path,
        null,
        "got no spans in the file, expected at least one span (is the exporter writing to it yet?)",
      );
    }
    return this.#group(spans);
  }

  #group(spans: readonly SpanData[]): Map<string, Group> {
    const key = this.#options.taskIdAttribute ?? ATTR.taskId;
    const byTrace = new Map<string, SpanData[]>();
    for (const span of spans) {
      const traceId = span.traceId ?? "";
      const list = byTrace.get(traceId) ?? [];
      list.push(span);
      byTrace.set(traceId, list);
    }
    const groups = new Map<string, Group>();
    const byTask = new Map<string, Group>();
    for (const [traceId, traceSpans] of byTrace) {
      const named = traceSpans.find((s) => taskOf(s, key) !== undefined);
      const taskId = named ? taskOf(named, key) : undefined;
      const runId = named ? taskOf(named, ATTR.runId) : undefined;
      const run = taskRunMetadata(traceSpans.map((s) => s.attributes));
      // each attempt of a retried task run is a trace of its own, never merged with another
      const taskKey =
        taskId === undefined
          ? undefined
          : `${runId ?? ""}\u0000${taskId}\u0000${run.attempt ?? ""}`;
      const existing = taskKey === undefined ? undefined : byTask.get(taskKey);
      if (existing) {
        existing.spans.push(...traceSpans);
        continue;
      }
      const group: Group = {
        ref: { traceId, taskId: taskId ?? null, metadata: runId ? { runId, ...run } : run },
        spans: [...traceSpans],
      };
      groups.set(traceId, group);
      if (taskKey !== undefined) byTask.set(taskKey, group);
    }
    return groups;
  }
}

function taskOf(span: SpanData, key: string): string | undefined {
  return (
    stringAttr(span.attributes, key) ?? (span.resource ? stringAttr(span.resource, key) : undefined)
  );
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
