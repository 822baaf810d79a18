import type { TraceEvent } from "@ag2/eval-core";
import type { SpanData } from "../spans/span-data.js";

/**
 * Reads one family of spans (AG2/GenAI, OpenInference, Vercel AI SDK) into trace events.
 * `toEvents` returns the events a span stands for — an empty list for a span it recognizes
 * that carries nothing to grade (an agent span) — or null when the span is not its own, so
 * the next convention gets a turn. A span of its own that lacks a field it normally carries
 * (usage, a tool result) still gives what it has; `warn` is told what was missing.
 *
 * @example
 * ```ts
 * const marker: SpanConvention = {
 *   name: "marker",
 *   toEvents: (span) => (span.name === "answer"
 *     ? [{ type: "ModelResponse", content: String(span.attributes.text) }] : null),
 * };
 * const trace = spansToTrace(spans, { conventions: [marker, ...DEFAULT_CONVENTIONS] });
 * ```
 */
export interface SpanConvention {
  readonly name: string;
  toEvents(span: SpanData, warn?: (message: string) => void): TraceEvent[] | null;
  /** True for a span that stands for a whole agent run; it is preferred as the trace root. */
  isAgentSpan?(span: SpanData): boolean;
}
