import type { ToolCall } from "@ag2/eval-core";
import { type Attributes, stringAttr } from "../spans/span-data.js";

type Json = Record<string, unknown>;

const OUTPUT_CALLS = "llm.output_messages.0.message.tool_calls";

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function record(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/**
 * The fields of a LangChain message serialized with `toJSON()` (`{ lc, type, id, kwargs }`),
 * which OpenInference's LangChain instrumentation writes as `output.value`; the object itself
 * when it is not in that form.
 */
function langChainFields(value: unknown): Json | undefined {
  const object = record(value);
  if (!object) return undefined;
  return object.lc === 1 ? record(object.kwargs) : object;
}

/**
 * The ids of the first generated message's tool calls, in order, from a LangChain LLM span's
 * `output.value` (`generations[0][0].message`): OpenInference's LangChain instrumentation
 * writes each call's name and arguments as attributes but not its id.
 */
function langChainCallIds(attributes: Attributes): readonly unknown[] {
  const output = record(parseJson(stringAttr(attributes, "output.value")));
  const generations = output?.generations;
  const first =
    Array.isArray(generations) && Array.isArray(generations[0]) ? generations[0][0] : undefined;
  const message = langChainFields(record(first)?.message);
  const calls = message?.tool_calls ?? record(message?.additional_kwargs)?.tool_calls;
  return Array.isArray(calls) ? calls.map((call) => record(call)?.id) : [];
}

/**
 * The tool calls an OpenInference LLM span's first output message holds
 * (`llm.output_messages.0.message.tool_calls.<i>.tool_call.*`), in order; an id missing there
 * is taken from LangChain's serialized output, else left empty.
 */
export function openInferenceToolCalls(attributes: Attributes): ToolCall[] {
  const calls: ToolCall[] = [];
  let ids: readonly unknown[] | undefined;
  for (let i = 0; ; i++) {
    const prefix = `${OUTPUT_CALLS}.${i}.tool_call`;
    const name = stringAttr(attributes, `${prefix}.function.name`);
    if (name === undefined) break;
    let id = stringAttr(attributes, `${prefix}.id`);
    if (id === undefined) {
      ids ??= langChainCallIds(attributes);
      id = typeof ids[i] === "string" ? (ids[i] as string) : "";
    }
    const args = stringAttr(attributes, `${prefix}.function.arguments`);
    calls.push({ id, name, arguments: args ?? "{}" });
  }
  return calls;
}

/** A tool span's output when it is a LangChain `ToolMessage`: its text and call id. */
export interface LangChainToolMessage {
  readonly content: string;
  readonly toolCallId: string | undefined;
}

/**
 * Reads a LangChain `ToolMessage` from a TOOL span's `output.value` (`{ output: <message> }`
 * or the message itself), so the result is the tool's own text rather than the serialized
 * message; undefined for any other output.
 */
export function langChainToolMessage(output: unknown): LangChainToolMessage | undefined {
  if (typeof output !== "string" || !output.startsWith("{")) return undefined;
  const parsed = record(parseJson(output));
  const wrapped = record(parsed?.output)?.lc === 1 ? parsed?.output : parsed;
  const message = record(wrapped);
  if (message?.lc !== 1 || !Array.isArray(message.id) || message.id.at(-1) !== "ToolMessage") {
    return undefined;
  }
  const fields = record(message.kwargs) ?? {};
  const { content } = fields;
  return {
    content: typeof content === "string" ? content : JSON.stringify(content ?? ""),
    toolCallId: typeof fields.tool_call_id === "string" ? fields.tool_call_id : undefined,
  };
}
