import type { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";

/**
 * `--otlp-endpoint`: an OTLP/HTTP exporter in a batch processor, added to the run's span
 * processors. Tracing shares it between tasks and never shuts it down, so the caller calls
 * `shutdown()` once at the end, which sends the last batch. A bare `http://host:4318` gets
 * the standard `/v1/traces` path. The exporter is imported only here: its modules take 25–30 ms
 * to load, which a run without `--otlp-endpoint` should not pay.
 *
 * @example
 * ```ts
 * const otlp = await otlpSpanProcessor("http://127.0.0.1:4318");
 * await runAgent(suite, { ...options, spanProcessors: [otlp] });
 * await otlp.shutdown();
 * ```
 */
export async function otlpSpanProcessor(endpoint: string): Promise<BatchSpanProcessor> {
  const [{ OTLPTraceExporter }, { BatchSpanProcessor }] = await Promise.all([
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/sdk-trace-base"),
  ]);
  const url = /\/v1\/traces\/?$/.test(endpoint)
    ? endpoint
    : `${endpoint.replace(/\/$/, "")}/v1/traces`;
  return new BatchSpanProcessor(new OTLPTraceExporter({ url }));
}
