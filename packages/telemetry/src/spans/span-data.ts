import type { ErrorInfo } from "@ag2/eval-core";

/** An attribute value as spans carry it (OTLP arrays flatten to plain arrays). */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };

/** A span's attributes. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** A span's status code name. */
export type SpanStatusName = "UNSET" | "OK" | "ERROR";

/** One event on a span (`exception` events carry the error). */
export interface SpanEvent {
  readonly name: string;
  readonly attributes?: Attributes | undefined;
}

/**
 * One span, independent of where it came from (the OTel SDK, OTLP JSON, a file on disk).
 * Times are nanoseconds since the epoch. They are `bigint` in what this package produces,
 * because epoch nanoseconds exceed `Number.MAX_SAFE_INTEGER`; a `number` is accepted for
 * hand-built spans (durations are computed in milliseconds, so the rounding never shows).
 *
 * @example
 * ```ts
 * const span: SpanData = {
 *   name: "chat gpt-4o", spanId: "a1b2c3d4e5f60718", parentId: null,
 *   startNs: 0n, endNs: 5_000_000n, attributes: { "gen_ai.operation.name": "chat" },
 *   status: "OK", events: [],
 * };
 * ```
 */
export interface SpanData {
  readonly name: string;
  readonly spanId: string;
  readonly parentId: string | null;
  readonly startNs: bigint | number;
  readonly endNs: bigint | number;
  readonly attributes: Attributes;
  readonly status: SpanStatusName;
  readonly events: readonly SpanEvent[];
  /** Present when the source knows it (OTel SDK, OTLP); used to split files by trace. */
  readonly traceId?: string | undefined;
  readonly statusMessage?: string | undefined;
  /** `INTERNAL`, `CLIENT`, … when known. */
  readonly kind?: string | undefined;
  /** Attributes of the resource that emitted the span, when known. */
  readonly resource?: Attributes | undefined;
}

/** Nanoseconds as a bigint, whatever the span carried. */
export function nanos(value: bigint | number | undefined): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isFinite(value)) return BigInt(Math.trunc(value));
  return 0n;
}

/** The attribute as a string, or undefined. */
export function stringAttr(attributes: Attributes, key: string): string | undefined {
  const value = attributes[key];
  return typeof value === "string" ? value : undefined;
}

/** The first present attribute of a chain, as a number (numeric strings included). */
export function numberAttr(attributes: Attributes, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const value = attributes[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
      return Number(value);
    }
  }
  return undefined;
}

/** The first present string attribute of a chain. */
export function firstString(attributes: Attributes, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = stringAttr(attributes, key);
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

/** A value as a string: strings as they are, anything else JSON-encoded. */
export function asText(value: AttributeValue): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

/** The first `exception` event's attributes, if any. */
function exceptionEvent(span: SpanData): Attributes | undefined {
  return span.events.find((event) => event.name === "exception")?.attributes ?? undefined;
}

/**
 * The error a span recorded, with its original type: `exception.type` of the first
 * `exception` event, else the span's `error.type`, else "Error". Null when the span is not
 * ERROR and has no exception event.
 */
export function spanError(span: SpanData): ErrorInfo | null {
  const event = exceptionEvent(span);
  if (span.status !== "ERROR" && !event) return null;
  const type =
    (event && stringAttr(event, "exception.type")) || stringAttr(span.attributes, "error.type");
  const message = (event && stringAttr(event, "exception.message")) ?? span.statusMessage ?? "";
  const stack = event && stringAttr(event, "exception.stacktrace");
  return { type: type || "Error", message, ...(stack ? { stack } : {}) };
}

/** Milliseconds since the epoch of the span's start (for event `createdAt`). */
export function startMs(span: SpanData): number {
  return Number(nanos(span.startNs) / 1_000_000n);
}
