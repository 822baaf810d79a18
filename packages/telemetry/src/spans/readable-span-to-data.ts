import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { Attributes, SpanData, SpanStatusName } from "./span-data.js";

function hrToNanos(time: readonly [number, number] | undefined): bigint {
  if (!time) return 0n;
  return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
}

const STATUS: Record<number, SpanStatusName> = {
  [SpanStatusCode.UNSET]: "UNSET",
  [SpanStatusCode.OK]: "OK",
  [SpanStatusCode.ERROR]: "ERROR",
};

/**
 * One finished OpenTelemetry SDK span as {@link SpanData}: 16-hex span and parent ids,
 * epoch nanoseconds as bigints, the status code's name, attributes and events copied.
 *
 * @example
 * ```ts
 * const spans = exporter.getFinishedSpans().map(readableSpanToData);
 * ```
 */
export function readableSpanToData(span: ReadableSpan): SpanData {
  const context = span.spanContext();
  return {
    name: span.name,
    spanId: context.spanId,
    parentId: span.parentSpanContext?.spanId ?? null,
    traceId: context.traceId,
    startNs: hrToNanos(span.startTime),
    endNs: hrToNanos(span.endTime),
    attributes: { ...span.attributes } as Attributes,
    status: STATUS[span.status.code] ?? "UNSET",
    ...(span.status.message ? { statusMessage: span.status.message } : {}),
    kind: SpanKind[span.kind],
    events: span.events.map((event) => ({
      name: event.name,
      attributes: { ...(event.attributes ?? {}) } as Attributes,
    })),
    resource: { ...span.resource.attributes } as Attributes,
  };
}

// a provider has one resource object: its attributes are copied once, not once per span
const resourceCopies = new WeakMap<object, Attributes>();

function resourceAttributes(span: ReadableSpan): Attributes {
  let copy = resourceCopies.get(span.resource);
  if (!copy) {
    copy = Object.freeze({ ...span.resource.attributes }) as Attributes;
    resourceCopies.set(span.resource, copy);
  }
  return copy;
}

// Spans of a run mostly start and end within the same second: its nanoseconds are made once.
let lastSeconds = -1;
let lastSecondsNs = 0n;

function hrToNanosCached(time: readonly [number, number]): bigint {
  if (time[0] !== lastSeconds) {
    lastSeconds = time[0];
    lastSecondsNs = BigInt(time[0]) * 1_000_000_000n;
  }
  return lastSecondsNs + BigInt(time[1]);
}

/**
 * {@link readableSpanToData} for a span grading reads at once and then drops (`otelTracing`'s
 * `finish`): the ended span's attributes and events are shared, not copied (the SDK changes
 * neither once a span has ended), and each resource's attributes are copied once.
 */
export function endedSpanToData(span: ReadableSpan): SpanData {
  const context = span.spanContext();
  const data: { -readonly [K in keyof SpanData]: SpanData[K] } = {
    name: span.name,
    spanId: context.spanId,
    parentId: span.parentSpanContext?.spanId ?? null,
    traceId: context.traceId,
    startNs: hrToNanosCached(span.startTime),
    endNs: hrToNanosCached(span.endTime),
    attributes: span.attributes as Attributes,
    status: STATUS[span.status.code] ?? "UNSET",
    kind: SpanKind[span.kind],
    events: span.events as SpanData["events"],
    resource: resourceAttributes(span),
  };
  if (span.status.message) data.statusMessage = span.status.message;
  return data;
}
