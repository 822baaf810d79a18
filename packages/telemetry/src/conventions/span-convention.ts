import type { TraceEvent } from "@ag2/eval-core";
import type { SpanData } from "../spans/span-data.js";

/**
 * Reads one family of spans (AG2/GenAI, OpenInference, Vercel AI SDK) into trace events.
 * `toEvents` returns the events a span stands for — an empty list for a span it recognizes
 * that carries nothing to grade (an agent span) — or null when the span is not its own, so
 * the next convention gets a turn. A span missing what its framework normally records (token
 * usage, a tool's result) still gives the events it can, never invented values, and `warn`
 * names what was missing: `spansToTrace` reports each distinct message once per trace, and
 * `otelTracing()` adds them to the run's warnings. Keep messages free of ids, so the same gap
 * on many tasks folds into one line.
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
  toEvents(span: SpanData, warn: (message: string) => void): TraceEvent[] | null;
  /** True for a span that stands for a whole agent run; it is preferred as the trace root. */
  isAgentSpan?(span: SpanData): boolean;
}
