import { AsyncLocalStorage } from "node:async_hooks";
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
  type Attributes,
  type Context,
  context,
  type Span,
  type SpanContext,
  SpanKind,
  type Tracer,
  type TracerProvider,
  trace,
} from "@opentelemetry/api";
import { inputMessagesJson, outputMessagesJson, toolDefinitionsJson } from "./genai-messages.js";
import { markSpanError, markSpanErrorInfo } from "./mark-span-error.js";
import { modelResponseAttributes } from "./model-response-attributes.js";
import { ATTR, SPAN_TYPE } from "./semconv.js";

/** The instrumentation scope our spans are recorded under. */
export const TRACER_NAME = "ag2-eval";
const SCHEMA_URL = "https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev";

/** Options of {@link TelemetryMiddleware}. */
export interface TelemetryMiddlewareOptions {
  /** The tracer to record with; wins over `tracerProvider`. */
  readonly tracer?: Tracer | undefined;
  /** Where to get a tracer from; default: the global provider. */
  readonly tracerProvider?: TracerProvider | undefined;
  /** Default: the name the agent gives in its turn, else "unknown". */
  readonly agentName?: string | undefined;
  /** Put prompts, replies, tool arguments and results on spans (default true). */
  readonly captureContent?: boolean | undefined;
  /** Set first on every span (`ag2.eval.*` of the task, the caller's keys). */
  readonly spanAttributes?: Attributes | undefined;
  readonly providerName?: string | undefined;
  readonly modelName?: string | undefined;
  /**
   * Keep every turn of this instance in the first turn's trace (default false): a later turn
   * that does not already run inside a span of that trace (a continuation such as
   * `reply.ask(…)` called after the first turn ended) becomes a child of the first turn's span.
   * Meant for a middleware that serves one task, as `otelTracing` builds them; leave it off for
   * an instance shared by unrelated requests, whose turns should each start their own trace.
   */
  readonly continueTrace?: boolean | undefined;
}

interface Scope {
  readonly context: Context;
  readonly agentName: string;
}

/** One middleware's scope, linked to the scopes of the calls it runs inside. */
interface ScopeLink {
  readonly owner: TelemetryMiddleware;
  readonly scope: Scope;
  readonly outer: ScopeLink | undefined;
}

// One storage for every instance: Node tags each async resource with a slot per enabled
// AsyncLocalStorage, and never frees a slot, so one per task made every promise of a
// long run carry thousands of slots (quadratic time and memory).
const scopes = new AsyncLocalStorage<ScopeLink>();

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
  /** The first turn's span, when `continueTrace` keeps later turns in its trace. */
  #firstTurn: SpanContext | undefined;

  constructor(options: TelemetryMiddlewareOptions = {}) {
    this.#options = options;
    this.#capture = options.captureContent ?? true;
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
    const attributes: Attributes = {
      [ATTR.spanType]: SPAN_TYPE.agent,
      [ATTR.operationName]: "invoke_agent",
      [ATTR.agentName]: agentName,
      ...(provider ? { [ATTR.providerName]: provider } : {}),
      ...(model ? { [ATTR.requestModel]: model } : {}),
      ...(this.#capture
        ? { [ATTR.inputMessages]: inputMessagesJson([{ role: "user", content: request.input }]) }
        : {}),
    };
    return this.#record(
      `invoke_agent ${agentName}`,
      SpanKind.INTERNAL,
      attributes,
      agentName,
      (span) => {
        // set before next() starts, so a concurrent turn of this instance already sees it
        if (this.#options.continueTrace) this.#firstTurn ??= span.spanContext();
        return Promise.resolve(next(request)).then((result) => {
          if (this.#capture) span.setAttribute(ATTR.outputMessages, outputMessagesJson(result));
          return result;
        });
      },
      this.#turnParent(),
    );
  };

  readonly onModelCall = (
    request: ModelCallRequest,
    next: (request: ModelCallRequest) => Promise<ModelResponse>,
  ): Promise<ModelResponse> => {
    const provider = request.provider ?? this.#options.providerName;
    const model = request.model ?? this.#options.modelName;
    const attributes: Attributes = {
      [ATTR.spanType]: SPAN_TYPE.llm,
      [ATTR.operationName]: "chat",
      ...(provider ? { [ATTR.providerName]: provider } : {}),
      ...(model ? { [ATTR.requestModel]: model } : {}),
      ...(this.#capture ? { [ATTR.inputMessages]: inputMessagesJson(request.messages) } : {}),
      ...(this.#capture && request.tools.length > 0
        ? { [ATTR.toolDefinitions]: toolDefinitionsJson(request.tools) }
        : {}),
    };
    return this.#record(
      model ? `chat ${model}` : "chat",
      SpanKind.CLIENT,
      attributes,
      null,
      (span) =>
        Promise.resolve(next(request)).then((response) => {
          if (response.model && response.model !== model) {
            span.updateName(`chat ${response.model}`);
          }
          span.setAttributes(
            modelResponseAttributes(response, { capture: this.#capture, provider }),
          );
          return response;
        }),
    );
  };

  readonly onToolExecution = (
    call: ToolExecutionRequest,
    next: (call: ToolExecutionRequest) => Promise<ToolExecutionResult>,
  ): Promise<ToolExecutionResult> => {
    const attributes: Attributes = {
      [ATTR.spanType]: SPAN_TYPE.tool,
      [ATTR.operationName]: "execute_tool",
      [ATTR.toolName]: call.name,
      [ATTR.toolCallId]: call.id,
      [ATTR.toolType]: "function",
      ...(this.#capture ? { [ATTR.toolArguments]: call.arguments } : {}),
    };
    return this.#record(`execute_tool ${call.name}`, SpanKind.INTERNAL, attributes, null, (span) =>
      Promise.resolve(next(call)).then((result) => {
        if (result.type === "ToolErrorEvent") markSpanErrorInfo(span, result.error);
        else if (this.#capture) span.setAttribute(ATTR.toolResult, result.result);
        return result;
      }),
    );
  };

  readonly onHumanInput = (
    request: HumanInputRequest,
    next: (request: HumanInputRequest) => Promise<HumanMessage>,
  ): Promise<HumanMessage> => {
    const agentName = this.#scope()?.agentName ?? this.#options.agentName ?? "unknown";
    const attributes: Attributes = {
      [ATTR.spanType]: SPAN_TYPE.humanInput,
      [ATTR.operationName]: "await_human_input",
      [ATTR.agentName]: agentName,
      ...(this.#capture ? { [ATTR.humanPrompt]: request.prompt } : {}),
    };
    return this.#record(
      `await_human_input ${agentName}`,
      SpanKind.INTERNAL,
      attributes,
      null,
      (span) =>
        Promise.resolve(next(request)).then((message) => {
          if (this.#capture) span.setAttribute(ATTR.humanResponse, message.content);
          return message;
        }),
    );
  };

  /** The scope of the innermost call of this middleware that the current code runs in. */
  #scope(): Scope | undefined {
    for (let link = scopes.getStore(); link; link = link.outer) {
      if (link.owner === this) return link.scope;
    }
    return undefined;
  }

  /** The active span's context; else, with no context manager, the turn this call runs in. */
  #parent(): Context {
    const active = context.active();
    if (trace.getSpan(active)) return active;
    return this.#scope()?.context ?? active;
  }

  /**
   * A turn's parent: as for any span, unless `continueTrace` applies and the turn would leave
   * the first turn's trace; then the first turn's span (ended or not) in the current context.
   */
  #turnParent(): Context {
    const parent = this.#parent();
    const first = this.#firstTurn;
    if (!first || trace.getSpanContext(parent)?.traceId === first.traceId) return parent;
    return trace.setSpanContext(parent, first);
  }

  /**
   * Runs `work` inside a new span, ending it when the work settles. Written with one `then`
   * rather than as an async function awaiting the work: every promise a task makes runs the
   * AsyncLocalStorage hooks, and this runs for each span of each task.
   */
  #record<T>(
    name: string,
    kind: SpanKind,
    attributes: Attributes,
    agentName: string | null,
    work: (span: Span) => Promise<T>,
    parent: Context = this.#parent(),
  ): Promise<T> {
    const { spanAttributes } = this.#options;
    // `attributes` is this call's own fresh object: merged into a copy only when there is
    // something to put first
    const merged = spanAttributes ? { ...spanAttributes, ...attributes } : attributes;
    const span = this.#tracer.startSpan(name, { kind, attributes: merged }, parent);
    const end = (error: unknown): void => {
      markSpanError(span, error);
      span.end();
    };
    let running: Promise<T>;
    try {
      const active = trace.setSpan(parent, span);
      const scope: Scope = {
        context: active,
        agentName: agentName ?? this.#scope()?.agentName ?? this.#options.agentName ?? "unknown",
      };
      const link: ScopeLink = { owner: this, scope, outer: scopes.getStore() };
      running = scopes.run(link, () => context.with(active, () => work(span)));
    } catch (error) {
      // a synchronous throw still ends the span and reaches the caller as a rejection
      end(error);
      return Promise.reject(error);
    }
    return Promise.resolve(running).then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        end(error);
        throw error;
      },
    );
  }
}
