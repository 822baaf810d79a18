import { mkdir } from "node:fs/promises";
import { saveTrace } from "@ag2/eval";
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { UsageError } from "../args/usage-error.js";

/** A span processor that keeps every span, and writes them out as one file per trace. */
export interface TraceSaver {
  readonly processor: SpanProcessor;
  /** Writes `<dir>/<traceId>.json` for every trace seen; resolves to the number of files. */
  save(): Promise<number>;
}

/**
 * `--save-traces <dir>`: collects the run's spans and saves each trace in the directory
 * layout `DirectoryTraceSource` reads, so `ag2-eval grade <dir>` can regrade the run later
 * without running the agent again. Each file is tagged with the task id from the spans.
 *
 * @example
 * ```ts
 * const saver = traceSaver("traces");
 * await runAgent(suite, { ...options, spanProcessors: [saver.processor] });
 * await saver.save();
 * ```
 */
export function traceSaver(dir: string): TraceSaver {
  const traces = new Map<string, ReadableSpan[]>();
  const processor: SpanProcessor = {
    onStart: () => {},
    onEnd: (span) => {
      const traceId = span.spanContext().traceId;
      const spans = traces.get(traceId) ?? [];
      spans.push(span);
      traces.set(traceId, spans);
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  return {
    processor,
    async save() {
      for (const [traceId, spans] of traces) {
        const taskId = spans
          .map((span) => span.attributes["ag2.eval.task_id"])
          .find((id) => typeof id === "string");
        await saveTrace(dir, traceId, spans, {
          taskId: typeof taskId === "string" ? taskId : null,
        }).catch((error: unknown) => {
          throw unusable(dir, error, "the run is saved, but its traces could not all be written");
        });
      }
      return traces.size;
    },
  };
}

/**
 * Makes the `--save-traces` folder before the run, so a path that cannot be one (a file is
 * there) is refused before any task runs rather than after all of them.
 *
 * @example
 * ```ts
 * if (plan.saveTraces) await prepareTraceDir(plan.saveTraces);
 * ```
 */
export async function prepareTraceDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw unusable(dir, error, "expected a folder, or a path where one can be made");
  });
}

function unusable(dir: string, error: unknown, what: string): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new UsageError(`--save-traces: cannot write trace files into ${dir} (${code}); ${what}`, {
    hint: "--save-traces names a folder (ag2-eval grade <folder> reads it back)",
    cause: error,
  });
}
