import type {
  Attributes,
  AttributeValue,
  Context,
  Span,
  SpanOptions,
  Tracer,
} from "@opentelemetry/api";
import { type ActiveSpanArgs, startActiveSpan } from "./start-active-span.js";

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
    ...rest: ActiveSpanArgs<F>
  ): ReturnType<F> {
    return startActiveSpan((n, o, p) => this.startSpan(n, o, p), name, rest);
  }
}
