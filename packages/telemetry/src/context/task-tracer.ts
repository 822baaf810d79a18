import {
  type Attributes,
  type AttributeValue,
  type Context,
  context,
  type Span,
  type SpanOptions,
  type Tracer,
  trace,
} from "@opentelemetry/api";

/**
 * The tracer one task records with: spans go to the run's shared tracer, carry the task's
 * attributes (`ag2.eval.*`; the caller's own attributes on a span win), and are announced to
 * `onSpan` so the task's grading collector claims them. Sharing one provider across tasks
 * instead of building one per task saves its configuration work (environment reads, a deep
 * merge, a sampler) on every task.
 */
export class TaskTracer implements Tracer {
  readonly #inner: Tracer;
  readonly #attributes: Attributes;
  readonly #onSpan: (span: Span) => void;

  constructor(inner: Tracer, attributes: Attributes, onSpan: (span: Span) => void) {
    this.#inner = inner;
    this.#attributes = attributes;
    this.#onSpan = onSpan;
  }

  startSpan(name: string, options?: SpanOptions, parent?: Context): Span {
    const attributes = { ...this.#attributes, ...options?.attributes };
    return this.startStampedSpan(name, { ...options, attributes }, parent);
  }

  /**
   * A fresh object holding the task's attributes, for a span's own to be added to and then
   * given to {@link startStampedSpan}: one object per span instead of two merges.
   */
  taskAttributes(): { [key: string]: AttributeValue | undefined } {
    return { ...this.#attributes };
  }

  /** {@link startSpan} for options whose attributes began as {@link taskAttributes}. */
  startStampedSpan(name: string, options: SpanOptions, parent?: Context): Span {
    const span = this.#inner.startSpan(name, options, parent);
    this.#onSpan(span);
    return span;
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    parent: Context,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    ...rest: [F] | [SpanOptions, F] | [SpanOptions, Context, F]
  ): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = rest.length >= 2 ? (rest[0] as SpanOptions) : undefined;
    const parent = rest.length === 3 ? rest[1] : context.active();
    const span = this.startSpan(name, options, parent);
    return context.with(trace.setSpan(parent, span), () => fn(span)) as ReturnType<F>;
  }
}
