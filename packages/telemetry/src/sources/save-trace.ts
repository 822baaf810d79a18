import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { SpanData } from "../spans/span-data.js";
import { spanToDict, stringifyWithBigInts } from "../spans/span-data-json.js";
import { traceFileName } from "./trace-file-name.js";

/** Options of {@link saveTrace}. */
export interface SaveTraceOptions {
  readonly taskId?: string | null | undefined;
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Writes one trace's spans as `<directory>/<traceId>.json` =
 * `{trace_id, task_id, metadata, spans: [...]}` (the layout AG2's Python implementation writes, snake_case
 * span keys, nanosecond times as exact integers), creating the directory. The file is written
 * to a temporary name and renamed, so a reader never sees half a trace. Returns the path.
 *
 * @example
 * ```ts
 * await saveTrace("traces", traceId, exporter.getFinishedSpans(), { taskId: "t1" });
 * const source = new DirectoryTraceSource("traces");
 * ```
 */
export async function saveTrace(
  directory: string,
  traceId: string,
  spans: readonly (SpanData | ReadableSpan)[],
  options: SaveTraceOptions = {},
): Promise<string> {
  const path = join(directory, traceFileName(traceId));
  await mkdir(directory, { recursive: true });
  const doc = {
    trace_id: traceId,
    task_id: options.taskId ?? null,
    metadata: options.metadata ?? {},
    spans: spans.map(spanToDict),
  };
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, `${stringifyWithBigInts(doc)}\n`, "utf8");
  await rename(temporary, path);
  return path;
}
