import type { ModelResponse, TraceEvent } from "@ag2/eval-core";
import { firstString, type SpanData, startMs, stringAttr } from "../spans/span-data.js";
import { readOutputMessage } from "./genai-messages.js";
import { ALIASES, ATTR, MODEL_OPERATIONS, SPAN_TYPE, STRUCTURE_OPERATIONS } from "./semconv.js";
import type { SpanConvention } from "./span-convention.js";
import { toolOutcome } from "./tool-outcome.js";
import { type UsageAliases, usageFromAttributes } from "./usage-from-attributes.js";

type Role = "agent" | "llm" | "tool" | "human_input";

function roleOf(span: SpanData): Role | null {
  const type = stringAttr(span.attributes, ATTR.spanType);
  if (type === SPAN_TYPE.agent || type === SPAN_TYPE.llm || type === SPAN_TYPE.tool) return type;
  if (type === SPAN_TYPE.humanInput) return type;
  // Spans from other GenAI instrumentations (AI SDK 7, Mastra, LangSmith) have no ag2.span.type.
  const operation = stringAttr(span.attributes, ATTR.operationName);
  if (operation === undefined) return null;
  if (MODEL_OPERATIONS.has(operation)) return "llm";
  if (operation === "execute_tool") return "tool";
  if (operation === "await_human_input") return "human_input";
  if (STRUCTURE_OPERATIONS.has(operation)) return "agent";
  return null;
}

const USAGE_ALIASES: UsageAliases = [
  ["inputTokens", ALIASES.inputTokens],
  ["outputTokens", ALIASES.outputTokens],
  ["cacheCreationInputTokens", ALIASES.cacheCreationTokens],
  ["cacheReadInputTokens", ALIASES.cacheReadTokens],
  ["thinkingTokens", ALIASES.thinkingTokens],
];

/** A finish reason given as a string, a JSON-array string (Mastra) or a list. */
export function firstFinishReason(value: unknown): string | null {
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : null;
  if (typeof value !== "string" || value === "") return null;
  if (value.startsWith("[")) {
    try {
      return firstFinishReason(JSON.parse(value));
    } catch {
      return value;
    }
  }
  return value;
}

function modelResponse(span: SpanData): ModelResponse {
  const { attributes } = span;
  const output = readOutputMessage(attributes[ATTR.outputMessages]);
  const usage = usageFromAttributes(attributes, USAGE_ALIASES);
  // assigned in the order the run file writes the fields, without a spread object per field
  const event: { -readonly [K in keyof ModelResponse]: ModelResponse[K] } = {
    type: "ModelResponse",
    content: output.content,
  };
  if (output.toolCalls.length > 0) event.toolCalls = output.toolCalls;
  if (usage) event.usage = usage;
  event.model = firstString(attributes, ALIASES.model) ?? null;
  event.provider = firstString(attributes, ALIASES.provider) ?? null;
  event.finishReason = firstFinishReason(attributes[ATTR.finishReasons]);
  if (attributes[ATTR.cacheHit] === true) event.cached = true;
  event.createdAt = startMs(span);
  return event;
}

function toolEvents(span: SpanData): TraceEvent[] {
  const { attributes } = span;
  const name =
    stringAttr(attributes, ATTR.toolName) ??
    (span.name.startsWith("execute_tool ") ? span.name.slice("execute_tool ".length) : "");
  return toolOutcome(span, {
    id: stringAttr(attributes, ATTR.toolCallId),
    name,
    arguments: attributes[ATTR.toolArguments],
    result: attributes[ATTR.toolResult],
  });
}

function humanEvents(span: SpanData): TraceEvent[] {
  const prompt = stringAttr(span.attributes, ATTR.humanPrompt);
  const response = stringAttr(span.attributes, ATTR.humanResponse);
  const createdAt = startMs(span);
  const events: TraceEvent[] = [];
  if (prompt !== undefined) events.push({ type: "HumanInputRequest", prompt, createdAt });
  if (response !== undefined) events.push({ type: "HumanMessage", content: response, createdAt });
  return events;
}

/**
 * Spans written by {@link TelemetryMiddleware} and AG2's Python implementation (`ag2.span.type`),
 * and any span following the GenAI semantic conventions (`gen_ai.operation.name`: `chat`,
 * `execute_tool`, `invoke_agent`, …) such as AI SDK 7's. Agent and step spans give no events,
 * so the aggregated usage some frameworks put on them is never counted twice.
 *
 * @example
 * ```ts
 * const trace = spansToTrace(spans, { conventions: [AG2GenAIConvention] });
 * ```
 */
export const AG2GenAIConvention: SpanConvention = {
  name: "ag2-genai",
  toEvents(span) {
    switch (roleOf(span)) {
      case "agent":
        return [];
      case "llm":
        return [modelResponse(span)];
      case "tool":
        return toolEvents(span);
      case "human_input":
        return humanEvents(span);
      default:
        return null;
    }
  },
  isAgentSpan: (span) =>
    stringAttr(span.attributes, ATTR.spanType) === SPAN_TYPE.agent ||
    stringAttr(span.attributes, ATTR.operationName) === "invoke_agent",
};
