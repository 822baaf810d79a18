import type { TraceEvent } from "@ag2/eval-core";
import { type SpanData, startMs, stringAttr } from "../spans/span-data.js";
import { langChainToolMessage, openInferenceToolCalls } from "./open-inference-messages.js";
import type { SpanConvention } from "./span-convention.js";
import { toolOutcome } from "./tool-outcome.js";
import { type UsageAliases, usageFromAttributes } from "./usage-from-attributes.js";

const KIND = "openinference.span.kind";

// the prompt count includes cached tokens and the completion count reasoning tokens, as in
// the GenAI convention; the details are what part of them those were
const USAGE_ALIASES: UsageAliases = [
  ["inputTokens", ["llm.token_count.prompt"]],
  ["outputTokens", ["llm.token_count.completion"]],
  ["cacheReadInputTokens", ["llm.token_count.prompt_details.cache_read"]],
  ["cacheCreationInputTokens", ["llm.token_count.prompt_details.cache_write"]],
  ["thinkingTokens", ["llm.token_count.completion_details.reasoning"]],
];

type Warn = (message: string) => void;

function llmEvents(span: SpanData, warn: Warn): TraceEvent[] {
  const { attributes } = span;
  const usage = usageFromAttributes(attributes, USAGE_ALIASES);
  if (!usage) warn(`OpenInference LLM span "${span.name}" has no token counts (llm.token_count.*)`);
  const toolCalls = openInferenceToolCalls(attributes);
  const text = stringAttr(attributes, "llm.output_messages.0.message.content");
  // LangChain writes "" for a message that only calls tools; our agent and the SDKs, null
  const content = text === "" && toolCalls.length > 0 ? null : (text ?? null);
  return [
    {
      type: "ModelResponse",
      content,
      ...(toolCalls.length > 0 ? { toolCalls } : {}),
      ...(usage ? { usage } : {}),
      model: stringAttr(attributes, "llm.model_name") ?? null,
      provider: stringAttr(attributes, "llm.provider") ?? null,
      finishReason: stringAttr(attributes, "llm.finish_reason") ?? null,
      createdAt: startMs(span),
    },
  ];
}

function toolEvents(span: SpanData, warn: Warn): TraceEvent[] {
  const { attributes } = span;
  const name = stringAttr(attributes, "tool.name");
  const label = `OpenInference TOOL span "${span.name}"`;
  if (name === undefined) warn(`${label} has no tool.name`);
  const args = attributes["tool.parameters"] ?? attributes["input.value"];
  if (args === undefined) warn(`${label} has no arguments (tool.parameters, input.value)`);
  const failed = span.status === "ERROR";
  if (failed && !span.events.some((event) => event.name === "exception")) {
    warn(`${label} failed without an exception event: the error's message is the status's`);
  }
  const output = attributes["output.value"];
  const message = langChainToolMessage(output);
  const events = toolOutcome(span, {
    id: stringAttr(attributes, "tool_call.id") ?? message?.toolCallId,
    name: name ?? span.name,
    // an absent value stays absent: "{}" would claim the tool was called without arguments
    arguments: args ?? "",
    result: message ? message.content : output,
  });
  if (failed || output !== undefined) return events;
  warn(`${label} has no result (output.value): the call has no result event`);
  return events.slice(0, 1);
}

const ignore: Warn = () => {};

/**
 * Spans from OpenInference instrumentations (Arize Phoenix and friends; the LangChain.js and
 * OpenAI Agents SDK bridges), keyed by `openinference.span.kind`: `AGENT` (no events), `LLM`
 * (a model response: first output message's text and tool calls, `llm.token_count.*` usage,
 * `llm.finish_reason`) and `TOOL` (a call and its result or error; a LangChain `ToolMessage`
 * result is read as its text and call id). Other kinds (`CHAIN`, `GUARDRAIL` …) carry nothing
 * to grade. A missing token count, tool name, arguments or result is warned about, never made
 * up: a call without a result has no result event.
 *
 * @example
 * ```ts
 * const trace = spansToTrace(spans, { conventions: [OpenInferenceConvention] });
 * ```
 */
export const OpenInferenceConvention: SpanConvention = {
  name: "openinference",
  toEvents(span, warn = ignore) {
    switch (stringAttr(span.attributes, KIND)) {
      case "AGENT":
      case "CHAIN":
      case "GUARDRAIL":
        return [];
      case "LLM":
        return llmEvents(span, warn);
      case "TOOL":
        return toolEvents(span, warn);
      default:
        return null;
    }
  },
  isAgentSpan: (span) => stringAttr(span.attributes, KIND) === "AGENT",
};
