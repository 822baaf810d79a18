import { type Context, context, type Span, type SpanOptions, trace } from "@opentelemetry/api";

/** The arguments of `Tracer.startActiveSpan` after the name: options and parent are optional. */
export type ActiveSpanArgs<F> = [F] | [SpanOptions, F] | [SpanOptions, Context, F];

/**
 * `Tracer.startActiveSpan` over a tracer's own `startSpan`: starts the span (under the given
 * parent, else the active context) and runs `fn` with it active.
 */
export function startActiveSpan<F extends (span: Span) => unknown>(
  startSpan: (name: string, options: SpanOptions | undefined, parent: Context) => Span,
  name: string,
  rest: ActiveSpanArgs<F>,
): ReturnType<F> {
  const fn = rest[rest.length - 1] as F;
  const options = rest.length >= 2 ? (rest[0] as SpanOptions) : undefined;
  const parent = rest.length === 3 ? rest[1] : context.active();
  const span = startSpan(name, options, parent);
  return context.with(trace.setSpan(parent, span), () => fn(span)) as ReturnType<F>;
}
