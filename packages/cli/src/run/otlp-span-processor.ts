import type { ReadableSpan, SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace-base";

const TASK_ID = "ag2.eval.task_id";

/** What `--otlp-endpoint` could not deliver: counted here, said once at the end. */
interface ExportFailures {
  exports: number;
  spans: number;
  readonly tasks: Set<string>;
  lastError: string;
}

/**
 * `--otlp-endpoint`: an OTLP/HTTP exporter in a batch processor, added to the run's span
 * processors. Tracing shares it between tasks and never shuts it down, so the caller calls
 * `shutdown()` once at the end, which sends the last batch. A bare `http://host:4318` gets
 * the standard `/v1/traces` path. The exporter is imported only here: its modules take 25–30 ms
 * to load, which a run without `--otlp-endpoint` should not pay.
 *
 * A collector that is down fails every export, and tracing would warn once per flush (one per
 * task). Failed exports are counted here instead and reported to the batch processor as done;
 * `shutdown()` then hands `onWarning` one line with the count of tasks whose spans were lost.
 *
 * @example
 * ```ts
 * const otlp = await otlpSpanProcessor("http://127.0.0.1:4318", { onWarning: console.warn });
 * await runAgent(suite, { ...options, spanProcessors: [otlp] });
 * await otlp.shutdown();
 * ```
 */
export async function otlpSpanProcessor(
  endpoint: string,
  options: { onWarning: (message: string) => void },
): Promise<SpanProcessor> {
  const [{ OTLPTraceExporter }, { BatchSpanProcessor }] = await Promise.all([
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/sdk-trace-base"),
  ]);
  const url = /\/v1\/traces\/?$/.test(endpoint)
    ? endpoint
    : `${endpoint.replace(/\/$/, "")}/v1/traces`;
  const failures: ExportFailures = { exports: 0, spans: 0, tasks: new Set(), lastError: "" };
  const exporter = new OTLPTraceExporter({ url });
  const counting: SpanExporter = {
    export(spans, done) {
      exporter.export(spans, (result) => {
        if (result.code !== 0) record(failures, spans, result.error);
        done({ code: 0 });
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush(),
  };
  const batch = new BatchSpanProcessor(counting);
  return {
    onStart: (span, context) => batch.onStart(span, context),
    onEnd: (span) => batch.onEnd(span),
    forceFlush: () => batch.forceFlush(),
    async shutdown() {
      await batch.shutdown();
      if (failures.exports > 0) options.onWarning(describe(url, failures));
    },
  };
}

function record(failures: ExportFailures, spans: readonly ReadableSpan[], error?: Error): void {
  failures.exports++;
  failures.spans += spans.length;
  for (const span of spans) {
    const task = span.attributes[TASK_ID];
    if (typeof task === "string") failures.tasks.add(task);
  }
  failures.lastError = error?.message ?? "unknown error";
}

function describe(url: string, failures: ExportFailures): string {
  const tasks = failures.tasks.size;
  const whose = tasks > 0 ? `the spans of ${tasks} task(s)` : `${failures.spans} span(s)`;
  return `--otlp-endpoint ${url}: ${whose} were not exported (${failures.exports} failed export(s), last: ${failures.lastError})`;
}
