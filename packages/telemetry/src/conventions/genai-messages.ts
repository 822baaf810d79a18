import type { ToolCall } from "@ag2/eval-core";
import type { ChatMessage, ToolDefinition } from "@ag2/eval-core/internal";

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

// Every task writes these on two spans, and most messages are one text part: for those the
// JSON is assembled around JSON.stringify(text), which writes the same bytes as stringifying
// the whole structure without building it.
const TEXT_PART = '"parts":[{"type":"text","content":';

/** `{"role":…,"parts":[{"type":"text","content":…}]}` for a plain text message, else null. */
function textMessageJson(message: ChatMessage): string | null {
  const { role, content } = message;
  if (typeof role !== "string" || role === "tool" || typeof content !== "string") return null;
  if (message.toolCalls !== undefined && message.toolCalls !== null) {
    if (!Array.isArray(message.toolCalls) || message.toolCalls.length > 0) return null;
  }
  return `{"role":${JSON.stringify(role)},${TEXT_PART}${JSON.stringify(content)}}]}`;
}

/** Chat messages as the GenAI `gen_ai.input.messages` JSON (role + typed parts). */
export function inputMessagesJson(messages: readonly ChatMessage[]): string {
  let text = "[";
  for (let index = 0; index < messages.length; index++) {
    const json = textMessageJson(messages[index] as ChatMessage);
    if (json === null) return structuredInputMessagesJson(messages);
    text += index === 0 ? json : `,${json}`;
  }
  return `${text}]`;
}

function structuredInputMessagesJson(messages: readonly ChatMessage[]): string {
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
  const { content, toolCalls, finishReason } = reply;
  const noCalls =
    toolCalls === undefined ||
    toolCalls === null ||
    (Array.isArray(toolCalls) && !toolCalls.length);
  if (
    typeof content === "string" &&
    noCalls &&
    (!finishReason || typeof finishReason === "string")
  ) {
    const finish = finishReason ? `,"finish_reason":${JSON.stringify(finishReason)}` : "";
    return `[{"role":"assistant",${TEXT_PART}${JSON.stringify(content)}}]${finish}}]`;
  }
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
  const text = onlyText(raw);
  if (text !== null) return { content: text, toolCalls: [] };
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

const ONE_TEXT_START = `[{"role":"assistant",${TEXT_PART}`;
const ONE_TEXT_END = "}]}]";

/**
 * The text of an output written as one assistant message with one text part and nothing
 * else (what our middleware writes for a plain reply), parsing only the string literal; null
 * for any other shape. Whatever sits between the fixed start and end must parse as a single
 * JSON string, so a longer or different document never passes for this one.
 */
function onlyText(raw: string): string | null {
  if (!raw.startsWith(ONE_TEXT_START) || !raw.endsWith(ONE_TEXT_END)) return null;
  const literal = raw.slice(ONE_TEXT_START.length, raw.length - ONE_TEXT_END.length);
  if (literal.charCodeAt(0) !== 34 || literal.charCodeAt(literal.length - 1) !== 34) return null;
  try {
    const parsed: unknown = JSON.parse(literal);
    return typeof parsed === "string" ? parsed : null;
  } catch {
    return null;
  }
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
