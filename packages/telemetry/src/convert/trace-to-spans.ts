import {
  Ag2EvalError,
  type ErrorInfo,
  type ModelResponse,
  type Trace,
  type TraceEvent,
  type Usage,
} from "@ag2/eval-core";
import { outputMessagesJson } from "../conventions/genai-messages.js";
import { ATTR, SPAN_TYPE } from "../conventions/semconv.js";
import type { Attributes, SpanData, SpanEvent } from "../spans/span-data.js";

/** Options of {@link traceToSpans}. */
export interface TraceToSpansOptions {
  /** The trace id every span carries (32 hex digits). Default: 32 zeros then a 1. */
  readonly traceId?: string | undefined;
  /** Written as `ag2.eval.task_id` on the root span, as `TelemetryMiddleware` does. */
  readonly taskId?: string | null | undefined;
  readonly runId?: string | undefined;
  /** Start of the root span, epoch nanoseconds. Default: the first event's `createdAt`, else now. */
  readonly startNs?: bigint | undefined;
}

const MS = 1_000_000n;

function usageAttributes(usage: Usage | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (key: string, value: number | null | undefined) => {
    if (typeof value === "number") out[key] = value;
  };
  put(ATTR.inputTokens, usage?.inputTokens);
  put(ATTR.outputTokens, usage?.outputTokens);
  put(ATTR.cacheReadTokens, usage?.cacheReadInputTokens);
  put(ATTR.cacheWriteTokens, usage?.cacheCreationInputTokens);
  put(ATTR.reasoningTokens, usage?.thinkingTokens);
  return out;
}

function modelAttributes(event: ModelResponse): Attributes {
  return {
    [ATTR.spanType]: SPAN_TYPE.llm,
    [ATTR.operationName]: "chat",
    [ATTR.outputMessages]: outputMessagesJson(event),
    ...(event.model ? { [ATTR.responseModel]: event.model } : {}),
    ...(event.provider ? { [ATTR.providerName]: event.provider } : {}),
    ...(event.finishReason ? { [ATTR.finishReasons]: [event.finishReason] } : {}),
    ...(event.cached ? { [ATTR.cacheHit]: true } : {}),
    ...usageAttributes(event.usage),
  };
}

function exceptionEvent(error: ErrorInfo): SpanEvent {
  return {
    name: "exception",
    attributes: {
      "exception.type": error.type,
      "exception.message": error.message,
      ...(error.stack ? { "exception.stacktrace": error.stack } : {}),
    },
  };
}

/** One span's worth of events: a model call, a tool call with its outcome, a human turn. */
interface Step {
  readonly name: string;
  readonly attributes: Attributes;
  readonly error: ErrorInfo | null;
  readonly createdAt: number | undefined;
}

function stepsOf(events: readonly TraceEvent[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const next = events[i + 1];
    const { createdAt } = event;
    if (event.type === "ModelResponse") {
      steps.push({
        name: `chat ${event.model ?? ""}`.trim(),
        attributes: modelAttributes(event),
        error: null,
        createdAt,
      });
    } else if (event.type === "ToolCallEvent") {
      const outcome =
        (next?.type === "ToolResultEvent" || next?.type === "ToolErrorEvent") &&
        next.parentId === event.id
          ? next
          : undefined;
      if (!outcome) {
        throw new Ag2EvalError(
          `traceToSpans: event ${i} (ToolCallEvent '${event.name}', id '${event.id}'): got ${next ? `a ${next.type}` : "no event"} after it, expected its ToolResultEvent or ToolErrorEvent (a tool span holds a call and its outcome)`,
        );
      }
      i++;
      steps.push({
        name: `execute_tool ${event.name}`,
        attributes: {
          [ATTR.spanType]: SPAN_TYPE.tool,
          [ATTR.operationName]: "execute_tool",
          [ATTR.toolName]: event.name,
          [ATTR.toolCallId]: event.id,
          [ATTR.toolArguments]: event.arguments,
          ...(outcome.type === "ToolResultEvent" ? { [ATTR.toolResult]: outcome.result } : {}),
        },
        error: outcome.type === "ToolErrorEvent" ? outcome.error : null,
        createdAt,
      });
    } else if (event.type === "HumanInputRequest" || event.type === "HumanMessage") {
      const answer =
        event.type === "HumanInputRequest" && next?.type === "HumanMessage" ? next : undefined;
      if (answer) i++;
      steps.push({
        name: "await_human_input",
        attributes: {
          [ATTR.spanType]: SPAN_TYPE.humanInput,
          [ATTR.operationName]: "await_human_input",
          ...(event.type === "HumanInputRequest" ? { [ATTR.humanPrompt]: event.prompt } : {}),
          ...(event.type === "HumanMessage" ? { [ATTR.humanResponse]: event.content } : {}),
          ...(answer ? { [ATTR.humanResponse]: answer.content } : {}),
        },
        error: null,
        createdAt,
      });
    } else {
      throw new Ag2EvalError(
        `traceToSpans: event ${i} (${event.type} '${event.name}'): got a tool outcome without its ToolCallEvent just before it, expected the call first`,
      );
    }
  }
  return steps;
}

/**
 * A {@link Trace} as the spans {@link TelemetryMiddleware} would have written for it (AG2
 * GenAI conventions): an agent root span lasting `durationMs` and carrying the exception,
 * then one child span per model response, per tool call with its result or error, and per
 * human turn, in event order. {@link spansToTrace} turns them back into an equal trace
 * (events, usage, tokens, exception). Useful to write fixtures for any span-based source.
 * A tool call must be followed by its outcome, since one span holds both; otherwise it throws.
 *
 * @example
 * ```ts
 * const spans = traceToSpans(trace, { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", taskId: "t1" });
 * await saveTrace("traces", "4bf92f3577b34da6a3ce929d0e0e4736", spans, { taskId: "t1" });
 * ```
 */
export function traceToSpans(trace: Trace, options: TraceToSpansOptions = {}): SpanData[] {
  const traceId = options.traceId ?? `${"0".repeat(31)}1`;
  const steps = stepsOf(trace.events);
  const firstAt = steps.find((step) => step.createdAt !== undefined)?.createdAt;
  const start = options.startNs ?? BigInt(Math.trunc(firstAt ?? Date.now())) * MS;
  // Ids from the trace id keep spans of different traces apart when they share one file.
  const spanId = (index: number) =>
    `${traceId.slice(0, 8)}${(index + 1).toString(16).padStart(8, "0")}`;
  const rootId = spanId(0);
  const children: SpanData[] = [];
  // Start times rise strictly, so sorting by start keeps the events' order.
  let at = start;
  for (const [index, step] of steps.entries()) {
    const wanted = step.createdAt === undefined ? 0n : BigInt(Math.trunc(step.createdAt)) * MS;
    at = wanted > at ? wanted : index === 0 ? at : at + 1n;
    children.push({
      name: step.name,
      spanId: spanId(index + 1),
      parentId: rootId,
      traceId,
      startNs: at,
      endNs: at + 1n,
      attributes: step.attributes,
      status: step.error ? "ERROR" : "OK",
      ...(step.error ? { statusMessage: step.error.message } : {}),
      events: step.error ? [exceptionEvent(step.error)] : [],
    });
  }
  const root: SpanData = {
    name: "invoke_agent",
    spanId: rootId,
    parentId: null,
    traceId,
    startNs: start,
    endNs: start + BigInt(Math.round(trace.durationMs * 1_000_000)),
    attributes: {
      [ATTR.spanType]: SPAN_TYPE.agent,
      [ATTR.operationName]: "invoke_agent",
      ...(options.taskId ? { [ATTR.taskId]: options.taskId } : {}),
      ...(options.runId ? { [ATTR.runId]: options.runId } : {}),
    },
    status: trace.exception ? "ERROR" : "OK",
    ...(trace.exception ? { statusMessage: trace.exception.message } : {}),
    events: trace.exception ? [exceptionEvent(trace.exception)] : [],
  };
  return [root, ...children];
}
