import { type Span, TraceFlags } from "@opentelemetry/api";
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";

// The owner rides on the span, where a WeakMap from span to owner cost an entry per span (a
// hash insert and ephemeron work for the collector). A symbol key stays out of what exporters
// read (attributes, names, JSON, keys); one key for every collector, since a key per
// collector would give spans a new shape per run.
const OWNER = Symbol("ag2-eval task spans");
type Owned = { [key: symbol]: TaskSpans | undefined };

const NO_WARNINGS: ReadonlySet<string> = new Set();

/** The ended, sampled spans of one task, in the order they ended. */
export class TaskSpans {
  #spans: ReadableSpan[] | null = [];
  // made on the first failure: almost every task has none, and this is one object per task
  #warnings: Set<string> | null = null;

  /** Failures of the caller's processors on this task's spans, each distinct one once. */
  get warnings(): ReadonlySet<string> {
    return this.#warnings ?? NO_WARNINGS;
  }

  /** Records a failure of a caller's processor on one of this task's spans. */
  warn(message: string): void {
    this.#warnings ??= new Set();
    this.#warnings.add(message);
  }

  add(span: ReadableSpan): void {
    this.#spans?.push(span);
  }

  /** Hands the spans over; spans that end later (a leaked background span) are dropped. */
  close(): readonly ReadableSpan[] {
    const spans = this.#spans ?? [];
    this.#spans = null;
    return spans;
  }
}

/**
 * The first processor of the shared provider: hands each ended span to the task that started
 * it, so grading reads exactly that task's spans however many tasks run at once. It replaces
 * a `SimpleSpanProcessor` + `InMemorySpanExporter` per task, whose export waits on a
 * `setTimeout(0)` per span: every task sat idle a timer tick before it could be graded.
 */
export class GradingSpanCollector implements SpanProcessor {
  /** Routes `span`, when it ends, to `spans`. */
  claim(span: Span, spans: TaskSpans): void {
    (span as unknown as Owned)[OWNER] = spans;
  }

  /** The task that started `span`, if it was claimed. */
  owner(span: object): TaskSpans | undefined {
    return (span as Owned)[OWNER];
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    // as SimpleSpanProcessor: a span the sampler dropped is not exported
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    this.owner(span)?.add(span);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
