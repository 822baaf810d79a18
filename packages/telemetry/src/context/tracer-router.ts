import {
  type Context,
  context,
  createContextKey,
  type Span,
  type SpanContext,
  type SpanOptions,
  type Tracer,
  type TracerProvider,
  trace,
} from "@opentelemetry/api";
import { type ActiveSpanArgs, startActiveSpan } from "./start-active-span.js";

const CURRENT = createContextKey("ag2-eval routed tracer");

/** Whether `value` can start spans, as the tracer `runAgent` hands an agent does. */
function isTracer(value: unknown): value is Tracer {
  return typeof (value as Tracer | null)?.startSpan === "function";
}

/**
 * A tracer provider for instrumentations that are set up once per process (OpenInference's
 * trace processor for the OpenAI Agents SDK, its LangChain callback handler): they cannot be
 * handed each task's tracer, so they get this router instead. A span goes to the tracer of
 * its parent span's task when its parent was routed here, else to the tracer made current by
 * {@link TracerRouter.run}, else to the global provider (a run outside `runAgent` is traced as
 * the host set up). Child spans follow their parent even when the framework reports them from
 * another async context (a background callback queue), so concurrent tasks stay apart.
 *
 * @example
 * ```ts
 * const router = new TracerRouter();
 * new LangChainInstrumentation({ tracerProvider: router }).manuallyInstrument(callbacks);
 * const agent: Agent = {
 *   name: "graph",
 *   ask: (input, { tracer } = {}) => router.run(tracer, () => graph.invoke({ messages: [input] })),
 * };
 * ```
 */
export class TracerRouter implements TracerProvider {
  // keyed by the span context object, which a span and the non-recording span that wraps its
  // context for a child share; entries go when the spans do
  readonly #owners = new WeakMap<SpanContext, Tracer>();

  /** Runs `fn` with `tracer` (a task's, as `AskOptions.tracer`) receiving the spans it starts. */
  run<T>(tracer: unknown, fn: () => T): T {
    if (!isTracer(tracer)) return fn();
    return context.with(context.active().setValue(CURRENT, tracer), fn);
  }

  getTracer(name: string, version?: string): Tracer {
    const startSpan = (spanName: string, options?: SpanOptions, parent?: Context): Span => {
      const ctx = parent ?? context.active();
      const parentSpan = trace.getSpan(ctx)?.spanContext();
      const owner = parentSpan ? this.#owners.get(parentSpan) : undefined;
      const target = owner ?? (ctx.getValue(CURRENT) as Tracer | undefined);
      if (!target) return trace.getTracer(name, version).startSpan(spanName, options, ctx);
      const span = target.startSpan(spanName, options, ctx);
      this.#owners.set(span.spanContext(), target);
      return span;
    };
    return {
      startSpan,
      startActiveSpan<F extends (span: Span) => unknown>(
        spanName: string,
        ...rest: ActiveSpanArgs<F>
      ): ReturnType<F> {
        return startActiveSpan(startSpan, spanName, rest);
      },
    } as Tracer;
  }
}
