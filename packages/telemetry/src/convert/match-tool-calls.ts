import type { ToolCall, TraceEvent } from "@ag2/eval-core";

function isJsonObject(text: string): boolean {
  if (!text.startsWith("{")) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/**
 * Pairs each executed tool call with the model's request for it, in trace order, and fills
 * what the tool span lacked from that request: the call id when the span had none (`generated`
 * holds the call events whose id was made up), matched then by tool name in request order;
 * the arguments as an object when the span held only a flattened value (OpenInference's
 * LangChain spans record a one-string-field input as the bare string). Results and errors
 * follow their call's new id. Returns `events` itself when nothing changed.
 */
export function matchToolCalls(
  events: readonly TraceEvent[],
  generated: WeakSet<object>,
): readonly TraceEvent[] {
  const requested: ToolCall[] = [];
  const renamed = new Map<string, string>();
  let out: TraceEvent[] | null = null;
  const replace = (index: number, event: TraceEvent) => {
    out ??= [...events];
    out[index] = event;
  };
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as TraceEvent;
    if (event.type === "ModelResponse") {
      if (event.toolCalls) requested.push(...event.toolCalls);
    } else if (event.type === "ToolCallEvent") {
      const madeUp = generated.has(event);
      let at = requested.findIndex((call) => call.id !== "" && call.id === event.id);
      if (at < 0 && madeUp) at = requested.findIndex((call) => call.name === event.name);
      if (at < 0) continue;
      const [call] = requested.splice(at, 1) as [ToolCall];
      const id = madeUp && call.id !== "" ? call.id : event.id;
      const args =
        isJsonObject(event.arguments) || !isJsonObject(call.arguments)
          ? event.arguments
          : call.arguments;
      if (id === event.id && args === event.arguments) continue;
      if (id !== event.id) renamed.set(event.id, id);
      replace(i, { ...event, id, arguments: args });
    } else if (event.type === "ToolResultEvent" || event.type === "ToolErrorEvent") {
      const parentId = renamed.get(event.parentId);
      if (parentId !== undefined) replace(i, { ...event, parentId });
    }
  }
  return out ?? events;
}
