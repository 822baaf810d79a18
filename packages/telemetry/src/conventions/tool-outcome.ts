import { randomUUID } from "node:crypto";
import type { TraceEvent } from "@ag2/eval-core";
import {
  type AttributeValue,
  asText,
  type SpanData,
  spanError,
  startMs,
} from "../spans/span-data.js";

/** A tool span's call as a convention reads it, each field straight from its attribute. */
export interface ToolSpanCall {
  /** The call id; a fresh UUID when missing or empty. */
  readonly id: string | undefined;
  readonly name: string;
  /** As text (JSON-encoded unless a string); "{}" when missing. */
  readonly arguments: AttributeValue;
  /** As text (JSON-encoded unless a string); "" when missing. */
  readonly result: AttributeValue;
}

/** Call events whose id was made up here because their span had none (see `matchToolCalls`). */
export const GENERATED_CALL_IDS = new WeakSet<object>();

/**
 * A tool span as a call followed by its outcome: an error event when the span failed,
 * else a result event. Shared by every convention so tool spans read the same everywhere.
 */
export function toolOutcome(span: SpanData, call: ToolSpanCall): TraceEvent[] {
  const createdAt = startMs(span);
  const id = call.id || randomUUID();
  const { name } = call;
  const callEvent: TraceEvent = {
    type: "ToolCallEvent",
    id,
    name,
    arguments:
      call.arguments === undefined || call.arguments === null ? "{}" : asText(call.arguments),
    createdAt,
  };
  if (!call.id) GENERATED_CALL_IDS.add(callEvent);
  const error = span.status === "ERROR" ? spanError(span) : null;
  if (error) {
    return [callEvent, { type: "ToolErrorEvent", parentId: id, name, error, createdAt }];
  }
  const result = call.result === undefined || call.result === null ? "" : asText(call.result);
  return [callEvent, { type: "ToolResultEvent", parentId: id, name, result, createdAt }];
}
