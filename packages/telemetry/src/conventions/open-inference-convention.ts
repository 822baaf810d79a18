import type { TraceEvent } from "@ag2/eval-core";
import { type SpanData, startMs, stringAttr } from "../spans/span-data.js";
import type { SpanConvention } from "./span-convention.js";
import { toolOutcome } from "./tool-outcome.js";
import { type UsageAliases, usageFromAttributes } from "./usage-from-attributes.js";

const KIND = "openinference.span.kind";

const USAGE_ALIASES: UsageAliases = [
  ["inputTokens", ["llm.token_count.prompt"]],
  ["outputTokens", ["llm.token_count.completion"]],
];

function llmEvents(span: SpanData): TraceEvent[] {
  // a failed call answered nothing
  if (span.status === "ERROR") return [];
  const { attributes } = span;
  const usage = usageFromAttributes(attributes, USAGE_ALIASES);
  return [
    {
      type: "ModelResponse",
      content: stringAttr(attributes, "llm.output_messages.0.message.content") ?? null,
      ...(usage ? { usage } : {}),
      model: stringAttr(attributes, "llm.model_name") ?? null,
      provider: stringAttr(attributes, "llm.provider") ?? null,
      finishReason: null,
      createdAt: startMs(span),
    },
  ];
}

function toolEvents(span: SpanData): TraceEvent[] {
  const { attributes } = span;
  return toolOutcome(span, {
    id: stringAttr(attributes, "tool_call.id"),
    name: stringAttr(attributes, "tool.name") ?? "",
    arguments: attributes["tool.parameters"] ?? attributes["input.value"],
    result: attributes["output.value"],
  });
}

/**
 * Spans from OpenInference instrumentations (Arize Phoenix and friends), keyed by
 * `openinference.span.kind`: `AGENT` (no events), `LLM` (a model response with
 * `llm.token_count.*` usage; none when the span failed) and `TOOL` (a call and its result or error).
 *
 * @example
 * ```ts
 * const trace = spansToTrace(spans, { conventions: [OpenInferenceConvention] });
 * ```
 */
export const OpenInferenceConvention: SpanConvention = {
  name: "openinference",
  toEvents(span) {
    switch (stringAttr(span.attributes, KIND)) {
      case "AGENT":
        return [];
      case "LLM":
        return llmEvents(span);
      case "TOOL":
        return toolEvents(span);
      default:
        return null;
    }
  },
  isAgentSpan: (span) => stringAttr(span.attributes, KIND) === "AGENT",
};
