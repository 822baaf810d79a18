import type { Trace } from "@ag2/eval-core";

/** Each event as type, tool name and payload: what a scorer reads, without times or ids. */
export function eventLines(trace: Trace): string[] {
  return trace.events.map((event) => {
    switch (event.type) {
      case "ModelResponse": {
        const calls = (event.toolCalls ?? []).map((c) => `${c.name}${c.arguments}`).join(",");
        const usage = `${event.usage?.inputTokens ?? "-"}/${event.usage?.outputTokens ?? "-"}`;
        return `model ${calls || JSON.stringify(event.content)} ${usage}`;
      }
      case "ToolCallEvent":
        return `call ${event.name}${event.arguments}`;
      case "ToolResultEvent":
        return `result ${event.name} ${event.result}`;
      case "ToolErrorEvent":
        return `error ${event.name} ${event.error.message}`;
      default:
        return event.type;
    }
  });
}
