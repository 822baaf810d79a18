import type { Trace } from "./trace.js";

/**
 * Points at one stored trace. `taskId` joins it to a suite task; a trace without one is
 * graded reference-free under its trace id.
 */
export interface TraceRef {
  readonly traceId: string;
  readonly taskId?: string | null | undefined;
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Where `evaluateTraces` reads traces from: an in-memory list, a directory of span files,
 * an OTLP file, a Tempo server. `list` should be cheap; `load` does the work.
 *
 * @example
 * ```ts
 * const source: TraceSource = new InMemoryTraceSource([[{ traceId: "t1", taskId: "a" }, trace]]);
 * ```
 */
export interface TraceSource {
  list(): AsyncIterable<TraceRef>;
  load(ref: TraceRef, options?: { signal?: AbortSignal }): Promise<Trace>;
}
