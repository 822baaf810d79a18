import type { ModelCallRequest, ModelResponse, ToolCall, Usage } from "@ag2/eval-core";
import type { ChatMessage } from "@ag2/eval-core/internal";

/** The JSON body of a `POST /chat/completions` for one model call. */
export function toChatCompletionsBody(
  request: ModelCallRequest,
  model: string,
  strictSchema: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model,
    messages: request.messages.map(toWireMessage),
  };
  if (request.tools.length > 0) {
    body.tools = request.tools.map((definition) => ({
      type: "function",
      function: {
        name: definition.name,
        ...(definition.description ? { description: definition.description } : {}),
        parameters: definition.parameters,
      },
    }));
  }
  if (request.responseSchema) {
    body.response_format = {
      type: "json_schema",
      json_schema: { name: "response", schema: request.responseSchema, strict: strictSchema },
    };
  }
  return body;
}

function toWireMessage(message: ChatMessage): Record<string, unknown> {
  if (message.role === "tool") {
    return { role: "tool", tool_call_id: message.toolCallId, content: message.content ?? "" };
  }
  if (message.role === "assistant" && message.toolCalls && message.toolCalls.length > 0) {
    return {
      role: "assistant",
      content: message.content,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.name, arguments: call.arguments },
      })),
    };
  }
  return { role: message.role, content: message.content ?? "" };
}

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Reads a chat completion's first choice. Returns a problem string instead of a response
 * when the body is not a chat completion.
 */
export function fromChatCompletion(
  body: unknown,
  defaults: { provider: string; model: string },
): ModelResponse | string {
  const root = record(body);
  const choices = root?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return "no choices[0]";
  const choice = record(choices[0]);
  const message = record(choice?.message);
  if (!message) return "no choices[0].message";
  const toolCalls: ToolCall[] = [];
  const wireCalls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  for (const [index, wire] of wireCalls.entries()) {
    const call = record(wire);
    const fn = record(call?.function);
    if (!fn || typeof fn.name !== "string")
      return `no choices[0].message.tool_calls[${index}].function.name`;
    const args = fn.arguments;
    toolCalls.push({
      id: typeof call?.id === "string" ? call.id : `call_${index + 1}`,
      name: fn.name,
      // Some servers send the arguments as an object rather than JSON text.
      arguments: typeof args === "string" ? args : JSON.stringify(args ?? {}),
    });
  }
  const usage = record(root?.usage);
  const readUsage: Usage | undefined = usage && {
    inputTokens: count(usage.prompt_tokens),
    outputTokens: count(usage.completion_tokens),
    cacheReadInputTokens: count(record(usage.prompt_tokens_details)?.cached_tokens),
    thinkingTokens: count(record(usage.completion_tokens_details)?.reasoning_tokens),
  };
  return {
    type: "ModelResponse",
    content: typeof message.content === "string" ? message.content : null,
    toolCalls: toolCalls.length > 0 ? toolCalls : undefined,
    usage: readUsage,
    model: typeof root?.model === "string" ? root.model : defaults.model,
    provider: defaults.provider,
    finishReason: typeof choice?.finish_reason === "string" ? choice.finish_reason : null,
    createdAt: Date.now(),
  };
}
