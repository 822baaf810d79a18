import type { Trace } from "@ag2/eval-core";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { readableSpanToData } from "../spans/readable-span-to-data.js";
import { type SpansToTraceOptions, spansToTrace } from "./spans-to-trace.js";

/**
 * {@link spansToTrace} over finished OpenTelemetry SDK spans, e.g. an
 * `InMemorySpanExporter`'s.
 *
 * @example
 * ```ts
 * const trace = readableSpansToTrace(exporter.getFinishedSpans(), { durationMs: 120 });
 * ```
 */
export function readableSpansToTrace(
  spans: readonly ReadableSpan[],
  options: SpansToTraceOptions = {},
): Trace {
  return spansToTrace(spans.map(readableSpanToData), options);
}
