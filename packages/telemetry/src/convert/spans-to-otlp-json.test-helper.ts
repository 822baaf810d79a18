import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { Attributes, AttributeValue, SpanData } from "../spans/span-data.js";

function anyValue(value: AttributeValue): Record<string, unknown> {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") {
    // Int64 the way the Go collector writes it: as a string.
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  if (Array.isArray(value)) return { arrayValue: { values: value.map(anyValue) } };
  return { stringValue: JSON.stringify(value ?? null) };
}

const keyValues = (attributes: Attributes | undefined) =>
  Object.entries(attributes ?? {}).map(([key, value]) => ({ key, value: anyValue(value) }));

/** Spans as one OTLP/JSON document, as the Collector's file exporter writes a line. */
export function spansToOtlpJson(spans: readonly SpanData[]): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [] },
        scopeSpans: [
          {
            spans: spans.map((span) => ({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentId ?? "",
              name: span.name,
              kind: 1,
              startTimeUnixNano: String(span.startNs),
              endTimeUnixNano: String(span.endNs),
              attributes: keyValues(span.attributes),
              events: span.events.map((event) => ({
                name: event.name,
                timeUnixNano: String(span.startNs),
                attributes: keyValues(event.attributes),
              })),
              status: {
                code: span.status === "ERROR" ? 2 : span.status === "OK" ? 1 : 0,
                ...(span.statusMessage ? { message: span.statusMessage } : {}),
              },
            })),
          },
        ],
      },
    ],
  });
}

const hrNanos = (time: readonly [number, number]) =>
  (BigInt(time[0]) * 1_000_000_000n + BigInt(time[1])).toString();

/**
 * Finished SDK spans as one collector-style OTLP JSON document, with what
 * {@link spansToOtlpJson} leaves out: the resource, the scope, span kinds and event times.
 */
export function toOtlpJson(spans: readonly ReadableSpan[]): unknown {
  return {
    resourceSpans: [
      {
        resource: { attributes: keyValues({ "service.name": "ag2-eval" }) },
        scopeSpans: [
          {
            scope: { name: "ag2-eval" },
            spans: spans.map((span) => ({
              traceId: span.spanContext().traceId,
              spanId: span.spanContext().spanId,
              parentSpanId: span.parentSpanContext?.spanId ?? "",
              name: span.name,
              // OTLP numbers kinds from 1, the API from 0
              kind: span.kind + 1,
              startTimeUnixNano: hrNanos(span.startTime),
              endTimeUnixNano: hrNanos(span.endTime),
              attributes: keyValues(span.attributes),
              events: span.events.map((event) => ({
                name: event.name,
                timeUnixNano: hrNanos(event.time),
                attributes: keyValues(event.attributes),
              })),
              status: {
                code: span.status.code,
                ...(span.status.message ? { message: span.status.message } : {}),
              },
            })),
          },
        ],
      },
    ],
  };
}
