import type { Task } from "../suite/task.js";
import type { Trace } from "../trace/trace.js";
import type { ErrorInfo } from "../trace/trace-events.js";
import type { Middleware } from "./middleware.js";

/** What a {@link Tracing} needs to start tracing one task. */
export interface TaskTracingContext {
  readonly runId: string;
  readonly task: Task;
  readonly agentName: string;
  /** Attributes to stamp on every span of this task (`ag2.eval.*` plus the caller's). */
  readonly attributes: Readonly<Record<string, string>>;
}

/** The result of tracing one task: the rebuilt trace and its trace id. */
export interface TracedTask {
  readonly trace: Trace;
  /** The real trace id of the backend (a 32-hex OpenTelemetry trace id with `otelTracing()`). */
  readonly traceId: string;
  /**
   * Observer failures (e.g. a caller's span processor that threw) seen since the previous
   * task finished, each distinct one once; `runAgent` adds them to `RunResult.warnings`.
   */
  readonly warnings?: readonly string[];
}

/** Tracing for one task, started by {@link Tracing.startTask}. */
export interface TaskTracing {
  /** Middleware to hand to the agent; it records what the agent does. */
  readonly middleware: readonly Middleware[];
  /** See {@link AskOptions.tracer}. */
  readonly tracer?: unknown;
  /**
   * Ends tracing and rebuilds the trace. `durationMs` is the measured run time; `error` is
   * what `ask` threw, used when the recorded spans do not carry the error themselves.
   */
  finish(outcome: { durationMs: number; error?: ErrorInfo | null }): Promise<TracedTask>;
}

/**
 * The seam that turns one agent run into a {@link Trace}. `otelTracing()` in
 * `@ag2/eval-telemetry` records OpenTelemetry spans and converts them back;
 * `eventTracing()` in core records the middleware calls directly, with no OpenTelemetry.
 *
 * @example
 * ```ts
 * const result = await runAgent(suite, { agent, scorers, store: null, tracing: eventTracing() });
 * ```
 */
export interface Tracing {
  startTask(context: TaskTracingContext): TaskTracing;
  /**
   * Optional. Called once after a run's last task (by `runAgent` and `runPairwise`): waits for
   * observers' work still in flight (a batching span processor's export) and returns the
   * failures no task has reported yet, which become `RunResult.warnings`. The wait is bounded
   * (see {@link flushTracing}); a tracing shared by several runs is flushed by each.
   */
  flush?(): Promise<readonly string[]>;
}
