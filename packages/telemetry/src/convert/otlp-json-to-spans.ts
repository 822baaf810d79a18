import type { Attributes, AttributeValue, SpanData, SpanStatusName } from "../spans/span-data.js";

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** OTLP `AnyValue` to a plain value; `intValue` may be a string (int64 in protobuf JSON). */
function anyValue(value: unknown): AttributeValue {
  if (!isRecord(value)) return null;
  if ("stringValue" in value) return String(value.stringValue);
  if ("boolValue" in value) return Boolean(value.boolValue);
  if ("intValue" in value) return Number(value.intValue);
  if ("doubleValue" in value) return Number(value.doubleValue);
  if ("arrayValue" in value) {
    return list(isRecord(value.arrayValue) ? value.arrayValue.values : []).map(anyValue);
  }
  if ("kvlistValue" in value) {
    return attributesOf(isRecord(value.kvlistValue) ? value.kvlistValue.values : []);
  }
  if ("bytesValue" in value) return String(value.bytesValue);
  return null;
}

function attributesOf(raw: unknown): Attributes {
  const out: Record<string, AttributeValue> = {};
  for (const entry of list(raw)) {
    if (typeof entry.key === "string") out[entry.key] = anyValue(entry.value);
  }
  return out;
}

const HEX = /^[0-9a-f]+$/i;

/** OTLP/JSON ids are hex; some producers (Tempo's v1 API) send protobuf's base64 instead. */
function idOf(value: unknown, hexLength: 16 | 32): string {
  if (typeof value !== "string" || value === "") return "";
  if (value.length === hexLength && HEX.test(value)) return value.toLowerCase();
  const bytes = Buffer.from(value, "base64");
  return bytes.length === hexLength / 2 ? bytes.toString("hex") : value;
}

function nanosOf(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isFinite(value)) return BigInt(Math.trunc(value));
  if (typeof value === "string" && /^\d+$/.test(value)) return BigInt(value);
  return 0n;
}

function statusOf(status: unknown): SpanStatusName {
  const code = isRecord(status) ? status.code : undefined;
  if (code === 2 || code === "STATUS_CODE_ERROR" || code === "ERROR") return "ERROR";
  if (code === 1 || code === "STATUS_CODE_OK" || code === "OK") return "OK";
  return "UNSET";
}

/** OTLP numbers kinds from 1 (INTERNAL); the API numbers them from 0. */
const KINDS = ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];

function kindOf(kind: unknown): string | undefined {
  if (typeof kind === "number") return KINDS[kind];
  if (typeof kind === "string") return kind.replace(/^SPAN_KIND_/, "");
  return undefined;
}

function spanOf(span: Json, resource: Attributes): SpanData {
  const parent = idOf(span.parentSpanId, 16);
  const message = isRecord(span.status) ? span.status.message : undefined;
  const start = nanosOf(span.startTimeUnixNano);
  return {
    name: typeof span.name === "string" ? span.name : "",
    spanId: idOf(span.spanId, 16),
    parentId: parent === "" ? null : parent,
    traceId: idOf(span.traceId, 32),
    startNs: start,
    endNs: span.endTimeUnixNano === undefined ? start : nanosOf(span.endTimeUnixNano),
    attributes: attributesOf(span.attributes),
    status: statusOf(span.status),
    ...(typeof message === "string" && message !== "" ? { statusMessage: message } : {}),
    kind: kindOf(span.kind),
    events: list(span.events).map((event) => ({
      name: typeof event.name === "string" ? event.name : "",
      attributes: attributesOf(event.attributes),
    })),
    resource,
  };
}

/**
 * Spans of one OTLP/JSON document: the collector's and the OTLP exporters'
 * `{resourceSpans: [{scopeSpans: [{spans}]}]}`, Tempo's `{batches: […]}` (and its v2
 * `{trace: {…}}` wrapper), with the legacy `instrumentationLibrarySpans` too. Int64 values
 * may be strings, ids hex or base64, status codes numbers or `STATUS_CODE_*` names, and span
 * kinds use OTLP's numbering (API kind + 1).
 *
 * @example
 * ```ts
 * const spans = otlpJsonToSpans(JSON.parse(line));
 * ```
 */
export function otlpJsonToSpans(doc: unknown): SpanData[] {
  if (!isRecord(doc)) return [];
  if (isRecord(doc.trace)) return otlpJsonToSpans(doc.trace);
  const spans: SpanData[] = [];
  for (const resourceSpans of list(doc.resourceSpans ?? doc.batches)) {
    const resource = attributesOf(
      isRecord(resourceSpans.resource) ? resourceSpans.resource.attributes : [],
    );
    const scopes = list(resourceSpans.scopeSpans ?? resourceSpans.instrumentationLibrarySpans);
    for (const scope of scopes) {
      for (const span of list(scope.spans)) spans.push(spanOf(span, resource));
    }
  }
  return spans;
}
