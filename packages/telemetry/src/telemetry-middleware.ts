import type {
  HumanInputRequest,
  HumanMessage,
  Middleware,
  ModelCallRequest,
  ModelResponse,
  ToolExecutionRequest,
  ToolExecutionResult,
  TurnRequest,
  TurnResult,
} from "@ag2/eval-core";
import {
  type Context,
  context,
  type Span,
  type SpanContext,
  SpanKind,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { outputMessagesJson } from "./genai-messages.js";
import { withSpan } from "./linked-context.js";
import { markSpanError, markSpanErrorInfo } from "./mark-span-error.js";
import {
  humanInputAttributes,
  modelCallAttributes,
  type SpanAttributes,
  toolAttributes,
  turnAttributes,
} from "./middleware-span-attributes.js";
import { modelResponseAttributes } from "./model-response-attributes.js";
import { currentScopeLink, runInScope, type ScopeLink, withScopeLink } from "./scope-link.js";
import { ATTR } from "./semconv.js";
import { TaskTracer } from "./task-tracer.js";
import type { TelemetryMiddlewareOptions } from "./telemetry-middleware-options.js";

/** The instrumentation scope our spans are recorded under. */
export const TRACER_NAME = "ag2-eval";
const SCHEMA_URL = "https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev";

/**
 * Records what an agent does as OpenTelemetry spans following the GenAI semantic
 * conventions: `invoke_agent <agent>` around a turn, `chat <model>` (CLIENT) around each model
 * call, `execute_tool <tool>` around each tool and `await_human_input <agent>` around a
 * question to a person. Errors become an `exception` event with the original type, an
 * `error.type` attribute and status ERROR; a tool error the agent handled marks only the tool
 * span. Children are parented explicitly, so nesting holds even without a context manager;
 * the agent's own code runs with the turn span active for libraries that trace themselves.
 * With `continueTrace`, follow-up turns join the first turn's trace instead of starting new ones.
 *
 * @example
 * ```ts
 * const telemetry = new TelemetryMiddleware({ tracerProvider: provider, agentName: "weather" });
 * await agent.ask("Weather in Tokyo?", { middleware: [telemetry] });
 * ```
 */
export class TelemetryMiddleware implements Middleware {
  readonly #tracer: Tracer;
  readonly #options: TelemetryMiddlewareOptions;
  readonly #capture: boolean;
  /** Set when the tracer is a task's: spans then get the task's attributes in one object. */
  readonly #stamped: TaskTracer | null;
  /** The first turn's span, when `continueTrace` keeps later turns in its trace. */
  #firstTurn: SpanContext | undefined;
  /**
   * This instance's turns still running, latest last: the fallback scope when the code runs in
   * a context that does not descend from any of them (`context.with(ROOT_CONTEXT, …)`, an
   * emitter bound to a context captured before the task), where the context carries no scope.
   */
  readonly #open: ScopeLink[] = [];

  constructor(options: TelemetryMiddlewareOptions = {}) {
    this.#options = options;
    this.#capture = options.captureContent ?? true;
    this.#stamped = options.tracer instanceof TaskTracer ? options.tracer : null;
    this.#tracer =
      options.tracer ??
      (options.tracerProvider ?? trace.getTracerProvider()).getTracer(TRACER_NAME, undefined, {
        schemaUrl: SCHEMA_URL,
      });
  }

  readonly onTurn = (
    request: TurnRequest,
    next: (request: TurnRequest) => Promise<TurnResult>,
  ): Promise<TurnResult> => {
    const agentName = this.#options.agentName ?? (request.agentName || "unknown");
    const provider = this.#options.providerName ?? request.provider;
    const model = this.#options.modelName ?? request.model;
    const attributes = turnAttributes(this.#baseAttributes(), request, {
      agentName,
      provider,
      model,
      capture: this.#capture,
    });
    return this.#record(
      `invoke_agent ${agentName}`,
      SpanKind.INTERNAL,
      attributes,
      agentName,
      next,
      request,
      this.#afterTurn,
    );
  };

  #afterTurn(span: Span, result: TurnResult): void {
    if (this.#capture) span.setAttribute(ATTR.outputMessages, outputMessagesJson(result));
  }

  readonly onModelCall = (
    request: ModelCallRequest,
    next: (request: ModelCallRequest) => Promise<ModelResponse>,
  ): Promise<ModelResponse> => {
    const provider = request.provider ?? this.#options.providerName;
    const model = request.model ?? this.#options.modelName;
    const attributes = modelCallAttributes(this.#baseAttributes(), request, {
      provider,
      model,
      capture: this.#capture,
    });
    return this.#record(
      model ? `chat ${model}` : "chat",
      SpanKind.CLIENT,
      attributes,
      null,
      next,
      request,
      this.#afterModelCall,
    );
  };

  #afterModelCall(span: Span, response: ModelResponse, request: ModelCallRequest): void {
    const provider = request.provider ?? this.#options.providerName;
    const model = request.model ?? this.#options.modelName;
    if (response.model && response.model !== model) span.updateName(`chat ${response.model}`);
    span.setAttributes(modelResponseAttributes(response, { capture: this.#capture, provider }));
  }

  readonly onToolExecution = (
    call: ToolExecutionRequest,
    next: (call: ToolExecutionRequest) => Promise<ToolExecutionResult>,
  ): Promise<ToolExecutionResult> => {
    const attributes = toolAttributes(this.#baseAttributes(), call, this.#capture);
    return this.#record(
      `execute_tool ${call.name}`,
      SpanKind.INTERNAL,
      attributes,
      null,
      next,
      call,
      this.#afterTool,
    );
  };

  #afterTool(span: Span, result: ToolExecutionResult): void {
    if (result.type === "ToolErrorEvent") markSpanErrorInfo(span, result.error);
    else if (this.#capture) span.setAttribute(ATTR.toolResult, result.result);
  }

  readonly onHumanInput = (
    request: HumanInputRequest,
    next: (request: HumanInputRequest) => Promise<HumanMessage>,
  ): Promise<HumanMessage> => {
    const outer = currentScopeLink(context.active());
    const agentName = this.#scopeIn(outer)?.agentName ?? this.#options.agentName ?? "unknown";
    const attributes = humanInputAttributes(this.#baseAttributes(), request, {
      agentName,
      capture: this.#capture,
    });
    return this.#record(
      `await_human_input ${agentName}`,
      SpanKind.INTERNAL,
      attributes,
      null,
      next,
      request,
      this.#afterHumanInput,
    );
  };

  #afterHumanInput(span: Span, message: HumanMessage): void {
    if (this.#capture) span.setAttribute(ATTR.humanResponse, message.content);
  }

  /**
   * A fresh object with what goes first on every span (the task's attributes when the tracer
   * is a task's, then `spanAttributes`), for a hook to add the span's own to.
   */
  #baseAttributes(): SpanAttributes {
    const { spanAttributes } = this.#options;
    if (!this.#stamped) return spanAttributes ? { ...spanAttributes } : {};
    const attributes = this.#stamped.taskAttributes();
    return spanAttributes ? Object.assign(attributes, spanAttributes) : attributes;
  }

  /**
   * The scope of the innermost call of this middleware among `link` and its outer links; when
   * none is (the code left our contexts), the latest turn of this instance still running.
   */
  #scopeIn(link: ScopeLink | undefined): ScopeLink | undefined {
    for (; link; link = link.outer) if (link.owner === this) return link;
    return this.#open.at(-1);
  }

  /**
   * The parent of a new span: the active span's context; else, with no context manager, the
   * context of `scope`, this middleware's call the code runs in. For a turn with
   * `continueTrace`, a parent outside the first turn's trace is replaced by the first turn's
   * span (ended or not).
   */
  #parent(active: Context, scope: ScopeLink | undefined, turn: boolean): Context {
    const parent = trace.getSpan(active) ? active : (scope?.context ?? active);
    const first = turn ? this.#firstTurn : undefined;
    if (!first || trace.getSpanContext(parent)?.traceId === first.traceId) return parent;
    return trace.setSpanContext(parent, first);
  }

  /**
   * Runs `next(request)` inside a new span (a turn's when `turnAgent` names its agent), then
   * `after` on its result, ending the span when
   * it settles. One `then` and no closure per call beyond it: every promise a task makes runs
   * the AsyncLocalStorage hooks, and this runs for each span of each task.
   */
  #record<R, T>(
    name: string,
    kind: SpanKind,
    attributes: SpanAttributes,
    turnAgent: string | null,
    next: (request: R) => Promise<T>,
    request: R,
    after: (span: Span, value: T, request: R) => void,
  ): Promise<T> {
    // read once per span: each read of the active context looks up the async resource
    const current = context.active();
    const outer = currentScopeLink(current);
    const turn = turnAgent !== null;
    // a turn with no span around it is a root: it never falls back to a running call
    const scope = turn && !outer ? undefined : this.#scopeIn(outer);
    const parent = this.#parent(current, scope, turn);
    const options = { kind, attributes };
    const started = this.#stamped
      ? this.#stamped.startStampedSpan(name, options, parent)
      : this.#tracer.startSpan(name, options, parent);
    let running: Promise<T>;
    let link: ScopeLink | undefined;
    try {
      // set before next() starts, so a concurrent turn of this instance already sees it
      if (turn && this.#options.continueTrace) this.#firstTurn ??= started.spanContext();
      const active = withSpan(parent, started);
      const agentName = turnAgent ?? scope?.agentName ?? this.#options.agentName ?? "unknown";
      link = { owner: this, context: active, agentName, outer };
      if (turn) this.#open.push(link);
      running = context.with(
        withScopeLink(active, link),
        runInScope<R, Promise<T>>,
        undefined,
        link,
        next,
        request,
      );
    } catch (error) {
      // a synchronous throw still ends the span and reaches the caller as a rejection
      this.#close(link);
      endWithError(started, error);
      return Promise.reject(error);
    }
    return Promise.resolve(running).then(
      (value) => {
        this.#close(link);
        try {
          after.call(this, started, value, request);
        } catch (error) {
          endWithError(started, error);
          throw error;
        }
        started.end();
        return value;
      },
      (error: unknown) => {
        this.#close(link);
        endWithError(started, error);
        throw error;
      },
    );
  }

  /** Forgets a call that settled. */
  #close(link: ScopeLink | undefined): void {
    const at = link ? this.#open.lastIndexOf(link) : -1;
    if (at >= 0) this.#open.splice(at, 1);
  }
}

function endWithError(span: Span, error: unknown): void {
  markSpanError(span, error);
  span.end();
}
