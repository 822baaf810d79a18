import type { Attributes, AttributeValue, SpanData } from "./span-data.js";

function anyValue(value: AttributeValue): Record<string, unknown> {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") {
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
