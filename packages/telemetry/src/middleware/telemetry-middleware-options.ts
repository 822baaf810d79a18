import type { Attributes, Tracer, TracerProvider } from "@opentelemetry/api";

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
