/**
 * The events a {@link Trace} holds, rebuilt from an agent run's spans (or recorded directly).
 * Each event is a plain object whose `type` is the event's name, so traces serialize as JSON
 * and narrow with a `switch (event.type)`.
 */

/** Token counts of one model call; a missing count is unknown, not zero. */
export interface Usage {
  readonly inputTokens?: number | null | undefined;
  readonly outputTokens?: number | null | undefined;
  readonly cacheCreationInputTokens?: number | null | undefined;
  readonly cacheReadInputTokens?: number | null | undefined;
  readonly thinkingTokens?: number | null | undefined;
}

/** A tool call requested by a model. `arguments` is the raw JSON text the model produced. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/** An error as data: its type (class name) and message survive serialization. */
export interface ErrorInfo {
  readonly type: string;
  readonly message: string;
  readonly stack?: string | undefined;
}

/** One model call's response. `content` is null when the model only called tools (or failed). */
export interface ModelResponse {
  readonly type: "ModelResponse";
  readonly content: string | null;
  readonly toolCalls?: readonly ToolCall[] | undefined;
  readonly usage?: Usage | undefined;
  readonly model?: string | null | undefined;
  readonly provider?: string | null | undefined;
  readonly finishReason?: string | null | undefined;
  /** True when a model cache answered instead of the model (no tokens were spent). */
  readonly cached?: boolean | undefined;
  /** When the event happened, epoch milliseconds (every event type may carry it). */
  readonly createdAt?: number | undefined;
}

/** A tool the agent executed, with the arguments it was given. */
export interface ToolCallEvent {
  readonly type: "ToolCallEvent";
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
  readonly createdAt?: number | undefined;
}

/** A tool's successful result. `parentId` is the id of its {@link ToolCallEvent}. */
export interface ToolResultEvent {
  readonly type: "ToolResultEvent";
  readonly parentId: string;
  readonly name: string;
  readonly result: string;
  readonly createdAt?: number | undefined;
}

/**
 * A tool that failed. As in the reference, it counts as a kind of tool result:
 * `trace.eventsOf("ToolResultEvent")` includes these.
 */
export interface ToolErrorEvent {
  readonly type: "ToolErrorEvent";
  readonly parentId: string;
  readonly name: string;
  readonly error: ErrorInfo;
  readonly createdAt?: number | undefined;
}

/** The agent asked a human for input. */
export interface HumanInputRequest {
  readonly type: "HumanInputRequest";
  readonly prompt: string;
  readonly createdAt?: number | undefined;
}

/** A human's answer to a {@link HumanInputRequest}. */
export interface HumanMessage {
  readonly type: "HumanMessage";
  readonly content: string;
  readonly createdAt?: number | undefined;
}

/** Any event a trace can hold. */
export type TraceEvent =
  | ModelResponse
  | ToolCallEvent
  | ToolResultEvent
  | ToolErrorEvent
  | HumanInputRequest
  | HumanMessage;

/** The name of a trace event type. */
export type TraceEventType = TraceEvent["type"];

/** Narrows {@link TraceEvent} by name; `ToolResultEvent` also covers `ToolErrorEvent`. */
export type TraceEventOf<T extends TraceEventType> = T extends "ToolResultEvent"
  ? ToolResultEvent | ToolErrorEvent
  : Extract<TraceEvent, { type: T }>;
