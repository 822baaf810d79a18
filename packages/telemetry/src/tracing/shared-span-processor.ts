import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-base";

/**
 * Wraps a caller's span processor that every task's provider shares. Shutting a task's
 * provider down must not shut the caller's processor down (the next task still needs it),
 * and a processor that throws must not break the run: observers never do.
 */
export class SharedSpanProcessor implements SpanProcessor {
  readonly #inner: SpanProcessor;
  readonly #onError: (error: unknown, hook: string, span?: object) => void;

  /** `onError` hears every failure with the hook it came from and the span, if any. */
  constructor(
    inner: SpanProcessor,
    onError: (error: unknown, hook: string, span?: object) => void,
  ) {
    this.#inner = inner;
    this.#onError = onError;
  }

  onStart(span: Span, parentContext: Context): void {
    try {
      this.#inner.onStart(span, parentContext);
    } catch (error) {
      this.#onError(error, "onStart", span);
    }
  }

  onEnd(span: ReadableSpan): void {
    try {
      this.#inner.onEnd(span);
    } catch (error) {
      this.#onError(error, "onEnd", span);
    }
  }

  /** Started, never awaited: a slow or hanging exporter must not hold up grading. */
  forceFlush(): Promise<void> {
    try {
      this.#inner.forceFlush().catch((error: unknown) => this.#onError(error, "forceFlush"));
    } catch (error) {
      this.#onError(error, "forceFlush");
    }
    return Promise.resolve();
  }

  /** Awaited, once a run's tasks are done: what it exported late is reported to that run. */
  async flushNow(): Promise<void> {
    try {
      await this.#inner.forceFlush();
    } catch (error) {
      this.#onError(error, "forceFlush");
    }
  }

  /** The caller owns the processor and shuts it down; a task's provider must not. */
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
