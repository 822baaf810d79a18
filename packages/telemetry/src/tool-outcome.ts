import type { TraceEvent } from "@ag2/eval-core";
import { type SpanData, spanError, startMs } from "./span-data.js";

/**
 * A tool span as a call followed by its outcome: an error event when the span failed,
 * else a result event. Shared by every convention so tool errors read the same everywhere.
 */
export function toolOutcome(
  span: SpanData,
  call: { id: string; name: string; arguments: string; result: string },
): TraceEvent[] {
  const createdAt = startMs(span);
  const callEvent: TraceEvent = {
    type: "ToolCallEvent",
    id: call.id,
    name: call.name,
    arguments: call.arguments,
    createdAt,
  };
  const error = span.status === "ERROR" ? spanError(span) : null;
  if (error) {
    return [
      callEvent,
      { type: "ToolErrorEvent", parentId: call.id, name: call.name, error, createdAt },
    ];
  }
  return [
    callEvent,
    { type: "ToolResultEvent", parentId: call.id, name: call.name, result: call.result, createdAt },
  ];
}
