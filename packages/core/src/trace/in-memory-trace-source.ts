import { Ag2EvalError } from "../errors/ag2-eval-error.js";
import type { Trace } from "./trace.js";
import type { TraceRef, TraceSource } from "./trace-source.js";

/** A trace id that the source does not hold. */
export class TraceNotFoundError extends Ag2EvalError {
  static override readonly errorName: string = "TraceNotFoundError";
}

/**
 * A {@link TraceSource} over traces already in memory: `list` yields the refs in the order
 * given; `load` finds a trace by `traceId` (when an id repeats, the last one wins).
 *
 * @example
 * ```ts
 * const source = new InMemoryTraceSource([[{ traceId: "t1", taskId: "capital-fr" }, trace]]);
 * const result = await evaluateTraces(source, { scorers, store: null });
 * ```
 */
export class InMemoryTraceSource implements TraceSource {
  readonly #refs: readonly TraceRef[];
  readonly #traces = new Map<string, Trace>();

  constructor(entries: Iterable<readonly [TraceRef, Trace]>) {
    const refs: TraceRef[] = [];
    for (const [ref, trace] of entries) {
      refs.push(ref);
      this.#traces.set(ref.traceId, trace);
    }
    this.#refs = refs;
  }

  async *list(): AsyncIterable<TraceRef> {
    yield* this.#refs;
  }

  async load(ref: TraceRef): Promise<Trace> {
    const trace = this.#traces.get(ref.traceId);
    if (!trace) {
      throw new TraceNotFoundError(
        `InMemoryTraceSource has no trace with traceId '${ref.traceId}' (it holds ${this.#traces.size})`,
      );
    }
    return trace;
  }
}
