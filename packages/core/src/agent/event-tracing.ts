import { toErrorInfo } from "../trace/to-error-info.js";
import { Trace } from "../trace/trace.js";
import type { ErrorInfo, TraceEvent } from "../trace/trace-events.js";
import type { Middleware } from "./middleware.js";
import type { TaskTracing, Tracing } from "./tracing.js";

function randomTraceId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/**
 * A {@link Tracing} with no OpenTelemetry: its middleware records what the agent does directly
 * as trace events — each model call's response as a `ModelResponse`, each tool as a
 * `ToolCallEvent` followed by its `ToolResultEvent` or `ToolErrorEvent`, each human exchange
 * as `HumanInputRequest` + `HumanMessage` — and the error that ended the turn. Trace ids are
 * random 32-hex strings. Use it in tests, or when no span backend is wanted.
 *
 * @example
 * ```ts
 * const result = await runAgent(suite, { agent, scorers, store: null, tracing: eventTracing() });
 * ```
 */
export function eventTracing(): Tracing {
  return { startTask: () => startEventTask() };
}

function startEventTask(): TaskTracing {
  const events: TraceEvent[] = [];
  let turnError: ErrorInfo | null = null;
  const recorder: Middleware = {
    async onTurn(request, next) {
      try {
        return await next(request);
      } catch (error) {
        turnError ??= toErrorInfo(error);
        throw error;
      }
    },
    async onModelCall(request, next) {
      const response = await next(request);
      events.push(response);
      return response;
    },
    async onToolExecution(call, next) {
      events.push({
        type: "ToolCallEvent",
        id: call.id,
        name: call.name,
        arguments: call.arguments,
      });
      try {
        const result = await next(call);
        events.push(result);
        return result;
      } catch (error) {
        events.push({
          type: "ToolErrorEvent",
          parentId: call.id,
          name: call.name,
          error: toErrorInfo(error),
        });
        throw error;
      }
    },
    async onHumanInput(request, next) {
      events.push(request);
      const message = await next(request);
      events.push(message);
      return message;
    },
  };
  return {
    middleware: [recorder],
    async finish({ durationMs, error }) {
      const trace = new Trace({ events, exception: turnError ?? error ?? null, durationMs });
      return { trace, traceId: randomTraceId() };
    },
  };
}
