import type { Trace } from "@ag2/eval-core";

/** The text of the last model response that has any; null when the run produced none. */
export function finalText(trace: Trace): string | null {
  const responses = trace.eventsOf("ModelResponse");
  for (let i = responses.length - 1; i >= 0; i--) {
    const content = responses[i]?.content;
    if (content) return content;
  }
  return null;
}

/** The trajectory lines of the judge prompts. */
export function trajectoryLines(trace: Trace): string {
  const lines: string[] = [];
  for (const event of trace.events) {
    if (event.type === "ToolCallEvent") lines.push(`- call ${event.name}(${event.arguments})`);
    else if (event.type === "ToolErrorEvent") lines.push(`  -> ERROR: ${event.error.message}`);
    else if (event.type === "ToolResultEvent") lines.push(`  -> result: ${event.result}`);
  }
  return lines.length > 0 ? lines.join("\n") : "(no tool calls)";
}
