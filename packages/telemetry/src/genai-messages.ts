import type { ChatMessage, ToolCall, ToolDefinition } from "@ag2/eval-core";

type Part = Record<string, unknown>;

function parseArguments(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function toolCallParts(calls: readonly ToolCall[] | undefined): Part[] {
  return (calls ?? []).map((call) => ({
    type: "tool_call",
    id: call.id,
    name: call.name,
    arguments: parseArguments(call.arguments),
  }));
}

/** Chat messages as the GenAI `gen_ai.input.messages` JSON (role + typed parts). */
export function inputMessagesJson(messages: readonly ChatMessage[]): string {
  return JSON.stringify(
    messages.map((message) => {
      const parts: Part[] = [];
      if (message.role === "tool") {
        parts.push({
          type: "tool_call_response",
          id: message.toolCallId,
          response: message.content,
        });
      } else if (message.content !== null) {
        parts.push({ type: "text", content: message.content });
      }
      parts.push(...toolCallParts(message.toolCalls));
      return { role: message.role, parts };
    }),
  );
}

/** One assistant reply as the GenAI `gen_ai.output.messages` JSON. */
export function outputMessagesJson(reply: {
  content: string | null;
  toolCalls?: readonly ToolCall[] | undefined;
  finishReason?: string | null | undefined;
}): string {
  const parts: Part[] = [];
  if (reply.content !== null) parts.push({ type: "text", content: reply.content });
  parts.push(...toolCallParts(reply.toolCalls));
  const message: Part = { role: "assistant", parts };
  if (reply.finishReason) message.finish_reason = reply.finishReason;
  return JSON.stringify([message]);
}

/** Tool definitions as `gen_ai.tool.definitions` JSON. */
export function toolDefinitionsJson(tools: readonly ToolDefinition[]): string {
  return JSON.stringify(
    tools.map((tool) => ({
      type: "function",
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters,
    })),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads the first output message of `gen_ai.output.messages`: the new shape
 * (`parts: [{type: "text", content}, {type: "tool_call", …}]`) or the AG2 Python shape
 * (`content` string, `tool_calls`). Text parts are joined; no text means `content: null`.
 */
export function readOutputMessage(raw: unknown): { content: string | null; toolCalls: ToolCall[] } {
  const none = { content: null, toolCalls: [] };
  if (typeof raw !== "string" || raw === "") return none;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return none;
  }
  const first = Array.isArray(parsed) ? parsed[0] : undefined;
  if (!isRecord(first)) return none;
  if (typeof first.content === "string") {
    return { content: first.content, toolCalls: readCalls(first.tool_calls) };
  }
  const parts = Array.isArray(first.parts) ? first.parts.filter(isRecord) : [];
  const texts = parts.filter((p) => p.type === "text" && typeof p.content === "string");
  const calls = parts
    .filter((p) => p.type === "tool_call")
    .map((p) => ({
      id: String(p.id ?? ""),
      name: String(p.name ?? ""),
      arguments: typeof p.arguments === "string" ? p.arguments : JSON.stringify(p.arguments ?? {}),
    }));
  return {
    content: texts.length > 0 ? texts.map((p) => p.content as string).join("") : null,
    toolCalls: calls,
  };
}

function readCalls(raw: unknown): ToolCall[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((call) => {
    const fn = isRecord(call.function) ? call.function : call;
    const args = fn.arguments;
    return {
      id: String(call.id ?? ""),
      name: String(fn.name ?? ""),
      arguments: typeof args === "string" ? args : JSON.stringify(args ?? {}),
    };
  });
}
