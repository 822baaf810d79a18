/** One message of a chat-completions request, flattened to text. */
export interface WireMessage {
  readonly role: string;
  /** The text of `content` (a string, or the text parts of an array joined); "" when absent. */
  readonly content: string;
  /** For `role: "tool"`: the call this message answers. */
  readonly toolCallId?: string | undefined;
  /** For `role: "assistant"`: the names of the tools it called. */
  readonly toolNames?: readonly string[] | undefined;
}

/** A tool call the scripted model makes; `arguments` is sent JSON-encoded, as OpenAI does. */
export interface ScriptedToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** Token counts reported for one reply (`usage.prompt_tokens` / `completion_tokens`). */
export interface ScriptedUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** A model reply: text and/or tool calls; `usage` left out sends a reply with no usage. */
export interface ScriptedMessage {
  readonly content?: string | null | undefined;
  readonly toolCalls?: readonly ScriptedToolCall[] | undefined;
  readonly usage?: ScriptedUsage | undefined;
}

/** An HTTP failure instead of a reply (a 429 with `retry-after`, a 500 …). */
export interface ScriptedFailure {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly message: string;
}

/** What the scripted model does with one request. */
export type ScriptedReply = ScriptedMessage | ScriptedFailure;

/** What a script sees: the request's messages and how many requests came before it. */
export interface ScriptRequest {
  readonly messages: readonly WireMessage[];
  /** 0 for the server's first request, counting every route and failure. */
  readonly index: number;
}

/**
 * Decides the model's reply from the request, so concurrent conversations (one per task)
 * never share state: a script reads what the conversation already holds.
 *
 * @example
 * ```ts
 * const echo: ChatScript = ({ messages }) => ({ content: messages.at(-1)?.content ?? "" });
 * ```
 */
export type ChatScript = (request: ScriptRequest) => ScriptedReply;

/** True when the reply is an HTTP failure rather than a message. */
export function isFailure(reply: ScriptedReply): reply is ScriptedFailure {
  return "status" in reply && typeof reply.status === "number";
}
