import type { Trace } from "@ag2/eval-core";

/**
 * Each event of `trace` as one line of type, tool name and payload (`model <calls or answer>
 * <input>/<output tokens>`, `call`, `result`, `error`): what a scorer reads, without times or
 * ids, so a bridge test compares a whole conversation at once.
 *
 * @example
 * ```ts
 * assert.deepEqual(eventLines(trace)[1], 'call get_weather{"city":"Paris"}');
 * ```
 */
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
