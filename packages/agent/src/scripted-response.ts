import type { ModelCallRequest, ModelResponse, ToolCall } from "@ag2/eval-core";
import { TestConfigElementError } from "./test-config-errors.js";

/**
 * A tool call in a cassette; `arguments` may be an object (sent as JSON) and `id` is optional.
 * A trace's own `ToolCallEvent` (`{ type: "ToolCallEvent", name, arguments }`) is one too, so
 * events read from a trace can be replayed as they are.
 *
 * @example
 * ```ts
 * new TestConfig({ name: "get_weather", arguments: { city: "Tokyo" } }, "Sunny.");
 * new TestConfig({ type: "ToolCallEvent", name: "get_weather", arguments: '{"city":"Tokyo"}' });
 * ```
 */
export interface ScriptedToolCall {
  readonly type?: "ToolCallEvent" | undefined;
  readonly name: string;
  readonly arguments?: string | Readonly<Record<string, unknown>> | undefined;
  readonly id?: string | undefined;
}

/**
 * A full response in a cassette, e.g. to script `usage` or a `finishReason`.
 *
 * @example
 * ```ts
 * new TestConfig({ type: "ModelResponse", content: "Hi", usage: { inputTokens: 10, outputTokens: 2 } });
 * ```
 */
export interface ScriptedModelResponse extends Omit<Partial<ModelResponse>, "type" | "toolCalls"> {
  readonly type: "ModelResponse";
  readonly toolCalls?: readonly ScriptedToolCall[] | undefined;
}

/**
 * A fixed cassette element: text, a tool call, several tool calls, or a full response.
 *
 * @example
 * ```ts
 * const elements: ScriptedElement[] = ["text", { name: "a" }, [{ name: "a" }, { name: "b" }]];
 * ```
 */
export type ScriptedElement =
  | string
  | ScriptedToolCall
  | readonly ScriptedToolCall[]
  | ScriptedModelResponse;

/**
 * A cassette element, or a function that builds one from the request it answers.
 *
 * @example
 * ```ts
 * const echo: ScriptedReply = (request) => `echo: ${request.messages.at(-1)?.content}`;
 * ```
 */
export type ScriptedReply =
  | ScriptedElement
  | ((request: ModelCallRequest) => ScriptedElement | Promise<ScriptedElement>);

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array with a non-tool-call item";
  if (typeof value === "object") return `an object with keys [${Object.keys(value).join(", ")}]`;
  return `${typeof value} ${String(value)}`;
}

function isToolCall(value: unknown): value is ScriptedToolCall {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const args = record.arguments;
  return (
    typeof record.name === "string" &&
    (record.type === undefined || record.type === "ToolCallEvent") &&
    (args === undefined || typeof args === "string" || (typeof args === "object" && args !== null))
  );
}

/** Checks an element's shape; `position` is 1-based for the error message. */
export function checkElement(element: unknown, position: number): void {
  if (typeof element === "string" || typeof element === "function") return;
  if (Array.isArray(element) && element.every(isToolCall)) return;
  if (isToolCall(element)) return;
  if (
    typeof element === "object" &&
    element !== null &&
    (element as { type?: unknown }).type === "ModelResponse"
  ) {
    const calls = (element as { toolCalls?: unknown }).toolCalls;
    if (calls === undefined || (Array.isArray(calls) && calls.every(isToolCall))) return;
  }
  throw new TestConfigElementError(position, describe(element));
}

/** Turns a checked cassette element into the response a model would have sent. */
export function toModelResponse(
  element: ScriptedElement,
  nextId: () => string,
  defaults: { provider: string; model: string },
): ModelResponse {
  const toToolCall = (call: ScriptedToolCall): ToolCall => ({
    id: call.id ?? nextId(),
    name: call.name,
    arguments:
      typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments ?? {}),
  });
  const base = { type: "ModelResponse" as const, ...defaults };
  if (typeof element === "string") {
    return { ...base, content: element, finishReason: "stop" };
  }
  if (Array.isArray(element)) {
    return {
      ...base,
      content: null,
      toolCalls: element.map(toToolCall),
      finishReason: "tool_calls",
    };
  }
  if (isToolCall(element)) {
    return { ...base, content: null, toolCalls: [toToolCall(element)], finishReason: "tool_calls" };
  }
  const full = element as ScriptedModelResponse;
  return {
    ...base,
    ...full,
    content: full.content ?? null,
    toolCalls: full.toolCalls?.map(toToolCall),
  };
}
