import {
  type Context,
  context,
  type Span,
  type SpanContext,
  type SpanKind,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { withSpan } from "../context/linked-context.js";
import { TaskTracer } from "../context/task-tracer.js";
import { markSpanError } from "./mark-span-error.js";
import type { SpanAttributes } from "./middleware-span-attributes.js";
import { currentScopeLink, runInScope, type ScopeLink, withScopeLink } from "./scope-link.js";
import type { TelemetryMiddlewareOptions } from "./telemetry-middleware-options.js";

/** The instrumentation scope our spans are recorded under. */
export const TRACER_NAME = "ag2-eval";
const SCHEMA_URL = "https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev";

/**
 * What one {@link TelemetryMiddleware} shares between its hooks: the tracer, the parenting of
 * each new span (active span, else the call the code runs in, else the latest running turn;
 * `continueTrace` keeps turns in the first turn's trace) and the running of `next` inside it.
 */
export class SpanRecorder {
  readonly #tracer: Tracer;
  readonly #options: TelemetryMiddlewareOptions;
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

  constructor(options: TelemetryMiddlewareOptions) {
    this.#options = options;
    this.#stamped = options.tracer instanceof TaskTracer ? options.tracer : null;
    this.#tracer =
      options.tracer ??
      (options.tracerProvider ?? trace.getTracerProvider()).getTracer(TRACER_NAME, undefined, {
        schemaUrl: SCHEMA_URL,
      });
  }

  /** The agent of the innermost call of this recorder the active context runs in, if any. */
  activeAgentName(): string | undefined {
    return this.#scopeIn(currentScopeLink(context.active()))?.agentName;
  }

  /**
   * A fresh object with what goes first on every span (the task's attributes when the tracer
   * is a task's, then `spanAttributes`), for a hook to add the span's own to.
   */
  baseAttributes(): SpanAttributes {
    const { spanAttributes } = this.#options;
    if (!this.#stamped) return spanAttributes ? { ...spanAttributes } : {};
    const attributes = this.#stamped.taskAttributes();
    return spanAttributes ? Object.assign(attributes, spanAttributes) : attributes;
  }

  /**
   * The scope of the innermost call of this recorder among `link` and its outer links; when
   * none is (the code left our contexts), the latest turn of this instance still running.
   */
  #scopeIn(link: ScopeLink | undefined): ScopeLink | undefined {
    for (; link; link = link.outer) if (link.owner === this) return link;
    return this.#open.at(-1);
  }

  /**
   * The parent of a new span: the active span's context; else, with no context manager, the
   * context of `scope`, this recorder's call the code runs in. For a turn with
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
   * `after` (called on `host`) on its result, ending the span when it settles. One `then` and
   * no closure per call beyond it: every promise a task makes runs the AsyncLocalStorage hooks,
   * and this runs for each span of each task.
   */
  record<R, T, H>(
    name: string,
    kind: SpanKind,
    attributes: SpanAttributes,
    turnAgent: string | null,
    next: (request: R) => Promise<T>,
    request: R,
    after: (this: H, span: Span, value: T, request: R) => void,
    host: H,
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
          after.call(host, started, value, request);
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
