import { randomBytes } from "node:crypto";
import { Trace, type Tracing } from "@ag2/eval-core";
import { type TaskTracingContext, type TracedTask, toErrorInfo } from "@ag2/eval-core/internal";
import type { Tracer } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ensureContextManager } from "../context/ensure-context-manager.js";
import { TaskTracer } from "../context/task-tracer.js";
import { ATTR } from "../conventions/semconv.js";
import type { SpanConvention } from "../conventions/span-convention.js";
import { spansToTrace } from "../convert/spans-to-trace.js";
import { TRACER_NAME } from "../middleware/span-recorder.js";
import { TelemetryMiddleware } from "../middleware/telemetry-middleware.js";
import { endedSpanToData } from "../spans/readable-span-to-data.js";
import { nanos, type SpanData } from "../spans/span-data.js";
import { GradingSpanCollector, TaskSpans } from "./grading-span-collector.js";
import { SharedSpanProcessor } from "./shared-span-processor.js";

const EMPTY = "reconstructed 0 events";

/** A task answered, yet nothing it did reached grading: almost always a tracer not handed on. */
export const EMPTY_ANSWER =
  "the agent answered but its trace holds no model or tool call, so scorers grade an empty trace: " +
  "hand the tracer `ask` receives (`options.tracer`) to the framework's telemetry (Vercel AI SDK: " +
  "`aiSdkAgent` or `experimental_telemetry: aiSdkTelemetry(options)` from @ag2/eval-ai-sdk), or " +
  "call the `middleware` hooks it receives; spans of another convention need " +
  "`otelTracing({ conventions })`";

/** Options of {@link otelTracing}. */
export interface OtelTracingOptions {
  /**
   * Extra processors (an OTLP exporter, a console logger …) that receive every span after the
   * grading processor. The same objects serve every task; they are never shut down here, and
   * their errors never break the run: each distinct failure (processor, hook, message) on a
   * task's spans is returned by that task's `finish` (a flush failure by the next task's) as
   * a warning, which `runAgent` adds once, with a count of tasks, to `RunResult.warnings`.
   * Batching processors are flushed in the background after each task, and awaited once after
   * the run's last task (`Tracing.flush`, bounded), so a late export failure is on the result too.
   */
  readonly spanProcessors?: readonly SpanProcessor[] | undefined;
  /** Added to every span; the task's own `ag2.eval.task_id` is never overridden. */
  readonly spanAttributes?: Readonly<Record<string, string>> | undefined;
  /** Conventions used to rebuild each trace; default {@link DEFAULT_CONVENTIONS}. */
  readonly conventions?: readonly SpanConvention[] | undefined;
  /** Put prompts, replies and tool data on spans (default true). */
  readonly captureContent?: boolean | undefined;
  /**
   * Told about every failure of a caller processor, a field missing from a span, and a task
   * whose agent answered with an empty trace. These also reach the run's warnings (folded
   * across tasks); processor failures additionally default to a process warning.
   */
  readonly onWarning?: ((message: string) => void) | undefined;
}

/**
 * OpenTelemetry tracing for `runAgent`: one tracer provider whose first processor hands each
 * span to the task that started it (what grading reads), followed by the caller's processors.
 * Each task gets its own tracer, which stamps the task's `ag2.eval.*` attributes on every span
 * it starts; the task's middleware records GenAI spans with it, it is handed to the agent (for
 * the AI SDK's `experimental_telemetry.tracer`), and `finish` rebuilds the trace from the spans,
 * keeping the original error type and the real OpenTelemetry trace id.
 *
 * @example
 * ```ts
 * const result = await runAgent(suite, {
 *   agent, scorers, store: null,
 *   tracing: otelTracing({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] }),
 * });
 * ```
 */
export function otelTracing(options: OtelTracingOptions = {}): Tracing {
  const warn =
    options.onWarning ??
    ((message: string) => process.emitWarning(message, { code: "AG2_EVAL_TRACING" }));
  // failures on no task's span (a flush): the next task to finish carries them
  const pending = new Set<string>();
  const grading = new GradingSpanCollector();
  const shared = (options.spanProcessors ?? []).map((processor, index) => {
    const className = processor.constructor?.name;
    const name = className && className !== "Object" ? ` (${className})` : "";
    return new SharedSpanProcessor(processor, (error, hook, span) => {
      const reason = toErrorInfo(error).message;
      const message = `span processor ${index + 1}${name} failed in ${hook}: ${reason}`;
      const owner = span ? grading.owner(span) : undefined;
      if (owner) owner.warn(message);
      else pending.add(message);
      warn(message);
    });
  });
  let tracer: Tracer | undefined;
  // One provider for every task of this tracing: the grading collector first, then the
  // caller's processors (the same objects for every task, never shut down here).
  const sharedTracer = (): Tracer => {
    tracer ??= new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "ag2-eval" }),
      spanProcessors: [grading, ...shared],
    }).getTracer(TRACER_NAME);
    return tracer;
  };
  return {
    // a flush failing after the last task's spans belongs to the run that just ended
    async flush() {
      await Promise.all(shared.map((processor) => processor.flushNow()));
      const late = [...pending];
      pending.clear();
      return late;
    },
    startTask(task: TaskTracingContext) {
      ensureContextManager();
      const taskId = task.attributes[ATTR.taskId] ?? task.task.taskId;
      const attributes = { ...task.attributes, ...options.spanAttributes, [ATTR.taskId]: taskId };
      const spans = new TaskSpans();
      const tracer = new TaskTracer(sharedTracer(), attributes, (span) =>
        grading.claim(span, spans),
      );
      const middleware = new TelemetryMiddleware({
        tracer,
        agentName: task.agentName,
        // the task tracer stamps the task's attributes on every span, the middleware's too
        captureContent: options.captureContent,
        // a continuation (`reply.ask`) after the first turn stays in the task's one trace
        continueTrace: true,
      });
      return {
        middleware: [middleware],
        tracer,
        async finish({ durationMs, error }): Promise<TracedTask> {
          for (const processor of shared) void processor.forceFlush();
          const data = spans.close().map(endedSpanToData);
          let notes: string[] | undefined;
          const trace = spansToTrace(data, {
            conventions: options.conventions,
            durationMs,
            onWarning: (message) => {
              notes ??= [];
              notes.push(message);
            },
          });
          if (trace.events.length === 0) {
            // A failed task's empty trace is explained by its failure; an answered one gets a
            // hint that says more than "0 events from n spans" and folds across tasks.
            notes = (notes ?? []).filter((note) => !note.startsWith(EMPTY));
            if (!error) notes.push(EMPTY_ANSWER);
          }
          if (notes && options.onWarning) for (const note of notes) options.onWarning(note);
          // An agent that threw outside its traced turn leaves no error on the root span, and
          // an instrumentation that records only a message (OpenInference's) leaves it untyped:
          // then what `ask` threw says more, with its class name.
          const rebuilt =
            !error || (trace.exception && trace.exception.type !== "Error")
              ? trace
              : new Trace({ events: trace.events, exception: error, durationMs: trace.durationMs });
          const traced: { -readonly [K in keyof TracedTask]: TracedTask[K] } = {
            trace: rebuilt,
            traceId: firstStarted(data)?.traceId ?? randomBytes(16).toString("hex"),
          };
          // the usual case, no failure anywhere, builds no arrays or sets
          if (spans.warnings.size > 0 || pending.size > 0 || notes) {
            traced.warnings = [...new Set([...spans.warnings, ...pending, ...(notes ?? [])])];
            pending.clear();
          }
          return traced;
        },
      };
    },
  };
}

/** The span that started first: the task's outer turn, whose trace is the task's (spans end inner-first). */
function firstStarted(data: readonly SpanData[]): SpanData | undefined {
  let first = data[0];
  for (const span of data) if (first && nanos(span.startNs) < nanos(first.startNs)) first = span;
  return first;
}
