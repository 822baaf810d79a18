import type { ModelResponse, ToolCall, TraceEvent } from "@ag2/eval-core";
import {
  type AttributeValue,
  firstString,
  type SpanData,
  startMs,
  stringAttr,
} from "../spans/span-data.js";
import { firstFinishReason } from "./ag2-genai-convention.js";
import type { SpanConvention } from "./span-convention.js";
import { toolOutcome } from "./tool-outcome.js";
import { type UsageAliases, usageFromAttributes } from "./usage-from-attributes.js";

/** The spans of one model call; their parents (`ai.generateText` …) hold aggregated usage. */
const MODEL_CALL =
  /^ai\.(generateText|streamText|generateObject|streamObject)\.(doGenerate|doStream)$/;
const ROOT_CALL = /^ai\.(generateText|streamText|generateObject|streamObject)$/;

type Warn = (message: string) => void;

function operationOf(span: SpanData): string | undefined {
  const id = stringAttr(span.attributes, "ai.operationId");
  if (id !== undefined) return id;
  return span.name.startsWith("ai.") ? span.name : undefined;
}

// in the order the run file has listed this convention's counts: cache reads before writes
const USAGE_ALIASES: UsageAliases = [
  ["inputTokens", ["ai.usage.inputTokens", "ai.usage.promptTokens", "gen_ai.usage.input_tokens"]],
  [
    "outputTokens",
    ["ai.usage.outputTokens", "ai.usage.completionTokens", "gen_ai.usage.output_tokens"],
  ],
  [
    "cacheReadInputTokens",
    ["ai.usage.inputTokenDetails.cacheReadTokens", "ai.usage.cachedInputTokens"],
  ],
  ["cacheCreationInputTokens", ["ai.usage.inputTokenDetails.cacheWriteTokens"]],
  ["thinkingTokens", ["ai.usage.outputTokenDetails.reasoningTokens", "ai.usage.reasoningTokens"]],
];

function toolCallsOf(raw: string | undefined): ToolCall[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.map((call: Record<string, unknown>) => {
      // v5+ writes `input`, v4 wrote `args`.
      const input = call.input ?? call.args ?? {};
      return {
        id: String(call.toolCallId ?? ""),
        name: String(call.toolName ?? ""),
        arguments: typeof input === "string" ? input : JSON.stringify(input),
      };
    });
  } catch {
    return [];
  }
}

function modelResponse(span: SpanData, operation: string, warn: Warn): ModelResponse {
  const { attributes } = span;
  const text =
    stringAttr(attributes, "ai.response.text") ?? stringAttr(attributes, "ai.response.object");
  const rawCalls = stringAttr(attributes, "ai.response.toolCalls");
  const toolCalls = toolCallsOf(rawCalls);
  const usage = usageFromAttributes(attributes, USAGE_ALIASES);
  if (!usage) {
    warn(`AI SDK span ${operation} has no token usage (ai.usage.*): its tokens are not counted`);
  }
  if (text === undefined && rawCalls === undefined) {
    warn(
      `AI SDK span ${operation} has neither ai.response.text nor ai.response.toolCalls (recordOutputs off?): the response is recorded without content`,
    );
  }
  return {
    type: "ModelResponse",
    content: text === undefined || text === "" ? null : text,
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    ...(usage ? { usage } : {}),
    model:
      firstString(attributes, ["ai.response.model", "gen_ai.response.model", "ai.model.id"]) ??
      null,
    provider: firstString(attributes, ["ai.model.provider", "gen_ai.system"]) ?? null,
    finishReason:
      stringAttr(attributes, "ai.response.finishReason") ??
      firstFinishReason(attributes["gen_ai.response.finish_reasons"]),
    createdAt: startMs(span),
  };
}

/**
 * The SDK records a tool's output as `JSON.stringify(output)`: a string output comes back as
 * that string, as our own agent stores it; any other output stays the JSON text, which is
 * also what our agent stores for it. Text that is not a JSON string is kept as it is.
 */
function decodedResult(value: AttributeValue): AttributeValue {
  if (typeof value !== "string" || !value.startsWith('"')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "string" ? parsed : value;
  } catch {
    return value;
  }
}

function toolEvents(span: SpanData, warn: Warn): TraceEvent[] {
  const { attributes } = span;
  const name = stringAttr(attributes, "ai.toolCall.name");
  const args = attributes["ai.toolCall.args"] ?? attributes["ai.toolCall.input"];
  const result = attributes["ai.toolCall.result"] ?? attributes["ai.toolCall.output"];
  const tool = name === undefined ? "" : ` (tool ${name})`;
  if (name === undefined) warn("AI SDK span ai.toolCall has no ai.toolCall.name");
  if (args === undefined) {
    warn(
      `AI SDK span ai.toolCall${tool} has no ai.toolCall.args (recordOutputs off?): its arguments are recorded as ""`,
    );
  }
  const failed = span.status === "ERROR";
  if (failed && !span.events.some((event) => event.name === "exception")) {
    warn(
      `AI SDK span ai.toolCall${tool} failed without an exception event: the error's type is unknown`,
    );
  }
  const events = toolOutcome(span, {
    id: stringAttr(attributes, "ai.toolCall.id"),
    name: name ?? "",
    // an absent value stays absent: "{}" would claim the tool was called without arguments
    arguments: args ?? "",
    result: decodedResult(result),
  });
  if (failed || result !== undefined) return events;
  warn(
    `AI SDK span ai.toolCall${tool} has no ai.toolCall.result (recordOutputs off, or the tool returned undefined): the call has no result event`,
  );
  return events.slice(0, 1);
}

/**
 * Spans of the Vercel AI SDK up to version 6 (and version 7's `LegacyOpenTelemetry`): the
 * `ai.*` operation spans. Each `…doGenerate` / `…doStream` span is one model response with
 * that call's own usage; `ai.toolCall` is a tool call and its outcome. The outer
 * `ai.generateText` (and friends) span carries usage summed over its steps, so it gives no
 * events and nothing is counted twice. A tool's result is decoded the way the SDK encoded it
 * (`JSON.stringify`): a string result is the plain string. A failed model-call attempt gives
 * no response. Missing usage, arguments or results are left out, never made up, and named in a
 * warning. AI SDK 7's GenAI spans (`chat`, `execute_tool`, `invoke_agent`) are read by
 * {@link AG2GenAIConvention}.
 *
 * @example
 * ```ts
 * const trace = spansToTrace(spans, { conventions: [AISDKConvention] });
 * trace.tokens.total; // summed over the doGenerate spans only
 * ```
 */
export const AISDKConvention: SpanConvention = {
  name: "ai-sdk",
  toEvents(span, warn) {
    const operation = operationOf(span);
    if (operation === undefined) return null;
    if (MODEL_CALL.test(operation)) {
      // a failed attempt answered nothing: the error reaches the trace through the root span
      return span.status === "ERROR" ? [] : [modelResponse(span, operation, warn)];
    }
    if (operation === "ai.toolCall") return toolEvents(span, warn);
    return [];
  },
  isAgentSpan: (span) => ROOT_CALL.test(operationOf(span) ?? ""),
};
