import type { Trace } from "@ag2/eval";
import type { Usage } from "@ag2/eval-core";

/** What the cross-framework test compares of one event: no times, no generated ids. */
export type EventSummary =
  | {
      readonly type: "ModelResponse";
      readonly content: string | null;
      readonly toolCalls: readonly { readonly name: string; readonly arguments: unknown }[];
      readonly usage: { readonly input: number | null; readonly output: number | null };
    }
  | { readonly type: "ToolCallEvent"; readonly name: string; readonly arguments: unknown }
  | { readonly type: "ToolResultEvent"; readonly name: string; readonly result: string }
  | { readonly type: "ToolErrorEvent"; readonly name: string; readonly error: string }
  | { readonly type: string };

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const counts = (usage: Usage | undefined) => ({
  input: usage?.inputTokens ?? null,
  output: usage?.outputTokens ?? null,
});

/**
 * A trace as frameworks must agree on it: each event's type; tool names; arguments parsed
 * into objects (frameworks differ in JSON spacing, not meaning); result text; the answer;
 * each model call's own input and output tokens. A result whose call is not in the trace
 * shows as `ToolResultEvent (orphan)`.
 */
export function summarizeTrace(trace: Trace): EventSummary[] {
  const callIds = new Set<string>();
  return trace.events.map((event): EventSummary => {
    switch (event.type) {
      case "ModelResponse":
        return {
          type: event.type,
          content: event.content,
          toolCalls: (event.toolCalls ?? []).map((call) => ({
            name: call.name,
            arguments: parsed(call.arguments),
          })),
          usage: counts(event.usage),
        };
      case "ToolCallEvent":
        callIds.add(event.id);
        return { type: event.type, name: event.name, arguments: parsed(event.arguments) };
      case "ToolResultEvent":
        if (!callIds.has(event.parentId)) return { type: `${event.type} (orphan)` };
        return { type: event.type, name: event.name, result: event.result };
      case "ToolErrorEvent":
        return { type: event.type, name: event.name, error: event.error.message };
      default:
        return { type: event.type };
    }
  });
}
