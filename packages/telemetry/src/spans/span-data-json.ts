import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { readableSpanToData } from "./readable-span-to-data.js";
import type { Attributes, SpanData, SpanStatusName } from "./span-data.js";
import { nanos } from "./span-data.js";

/** A span as stored on disk: snake_case keys, as AG2's Python implementation writes them. */
export interface SpanDict {
  name: string;
  span_id: string;
  parent_id: string | null;
  start_ns: bigint;
  end_ns: bigint;
  attributes: Attributes;
  status: SpanStatusName;
  events: { name: string; attributes: Attributes }[];
  trace_id?: string;
  status_message?: string;
  kind?: string;
}

function isReadableSpan(span: SpanData | ReadableSpan): span is ReadableSpan {
  return typeof (span as ReadableSpan).spanContext === "function";
}

/** A span (SDK or normalized) as a disk dict. */
export function spanToDict(input: SpanData | ReadableSpan): SpanDict {
  const span = isReadableSpan(input) ? readableSpanToData(input) : input;
  return {
    name: span.name,
    span_id: span.spanId,
    parent_id: span.parentId,
    start_ns: nanos(span.startNs),
    end_ns: nanos(span.endNs),
    attributes: span.attributes,
    status: span.status,
    events: span.events.map((event) => ({ name: event.name, attributes: event.attributes ?? {} })),
    ...(span.traceId ? { trace_id: span.traceId } : {}),
    ...(span.statusMessage ? { status_message: span.statusMessage } : {}),
    ...(span.kind ? { kind: span.kind } : {}),
  };
}

const BIGINT_MARK = "\u0000bigint:";

/**
 * JSON with the nanosecond times written as plain JSON integers, exactly: epoch nanoseconds
 * exceed 2^53, so they go through a string placeholder instead of a lossy number.
 */
export function stringifyWithBigInts(value: unknown): string {
  const text = JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === "bigint" ? `${BIGINT_MARK}${item}` : item),
    2,
  );
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, "$1");
}

/** Parses a span file, keeping `start_ns` / `end_ns` exact (quoted before `JSON.parse`). */
export function parseWithExactTimes(text: string): unknown {
  return JSON.parse(text.replace(/"(start_ns|end_ns)":(\s*)(-?\d+)/g, '"$1":$2"$3"'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function timeOf(value: unknown): bigint {
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  return nanos(typeof value === "number" ? value : undefined);
}

/** A disk dict back to a span, with AG2 Python's defaults for missing keys. */
export function spanFromDict(raw: unknown): SpanData {
  const dict = isRecord(raw) ? raw : {};
  const status = dict.status === "OK" || dict.status === "ERROR" ? dict.status : "UNSET";
  const events = Array.isArray(dict.events) ? dict.events.filter(isRecord) : [];
  return {
    name: typeof dict.name === "string" ? dict.name : "",
    spanId: typeof dict.span_id === "string" ? dict.span_id : "",
    parentId: typeof dict.parent_id === "string" && dict.parent_id !== "" ? dict.parent_id : null,
    startNs: timeOf(dict.start_ns),
    endNs: timeOf(dict.end_ns),
    attributes: isRecord(dict.attributes) ? (dict.attributes as Attributes) : {},
    status,
    events: events.map((event) => ({
      name: typeof event.name === "string" ? event.name : "",
      attributes: isRecord(event.attributes) ? (event.attributes as Attributes) : {},
    })),
    ...(typeof dict.trace_id === "string" ? { traceId: dict.trace_id } : {}),
    ...(typeof dict.status_message === "string" ? { statusMessage: dict.status_message } : {}),
    ...(typeof dict.kind === "string" ? { kind: dict.kind } : {}),
  };
}
