import type { ScriptedMessage } from "./chat-script.js";

type Json = Record<string, unknown>;

const CREATED = 1_767_225_600;

function finishReason(reply: ScriptedMessage): string {
  return reply.toolCalls && reply.toolCalls.length > 0 ? "tool_calls" : "stop";
}

function wireToolCalls(reply: ScriptedMessage, withIndex: boolean): Json[] | undefined {
  if (!reply.toolCalls || reply.toolCalls.length === 0) return undefined;
  return reply.toolCalls.map((call, index) => ({
    ...(withIndex ? { index } : {}),
    id: call.id,
    type: "function",
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
}

function wireUsage(reply: ScriptedMessage): Json | undefined {
  if (!reply.usage) return undefined;
  const { promptTokens, completionTokens } = reply.usage;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/** The `chat.completion` body for one scripted reply. */
export function completionBody(reply: ScriptedMessage, model: string, id: string): Json {
  const usage = wireUsage(reply);
  const toolCalls = wireToolCalls(reply, false);
  return {
    id,
    object: "chat.completion",
    created: CREATED,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: reply.content ?? null,
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: finishReason(reply),
      },
    ],
    ...(usage ? { usage } : {}),
  };
}

/**
 * The `chat.completion.chunk` events of one scripted reply, streamed as OpenAI does: the role,
 * the text, the tool calls, the finish reason, then (only when the request asked with
 * `stream_options.include_usage`) a last chunk with no choices and the usage.
 */
export function completionChunks(
  reply: ScriptedMessage,
  model: string,
  id: string,
  includeUsage: boolean,
): Json[] {
  const chunk = (choices: Json[], extra: Json = {}): Json => ({
    id,
    object: "chat.completion.chunk",
    created: CREATED,
    model,
    choices,
    ...extra,
  });
  const delta = (value: Json, finish: string | null = null): Json =>
    chunk([{ index: 0, delta: value, finish_reason: finish }]);
  const chunks = [delta({ role: "assistant", content: "" })];
  if (reply.content) chunks.push(delta({ content: reply.content }));
  const toolCalls = wireToolCalls(reply, true);
  if (toolCalls) chunks.push(delta({ tool_calls: toolCalls }));
  chunks.push(delta({}, finishReason(reply)));
  const usage = wireUsage(reply);
  if (includeUsage && usage) chunks.push(chunk([], { usage }));
  return chunks;
}
