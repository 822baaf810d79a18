import { createTask } from "@ag2/eval-core";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { type OtelTracingOptions, otelTracing } from "./otel-tracing.js";

/** One task of a fresh `otelTracing()` for a "planner" agent, with an exporter seeing every span. */
export function startTracedTask(taskId: string, options: OtelTracingOptions = {}) {
  const seen = new InMemorySpanExporter();
  const tracing = otelTracing({ ...options, spanProcessors: [new SimpleSpanProcessor(seen)] });
  const task = tracing.startTask({
    runId: "r1",
    task: createTask({ taskId, inputs: { input: "x" } }),
    agentName: "planner",
    attributes: { "ag2.eval.run_id": "r1", "ag2.eval.task_id": taskId },
  });
  return { seen, task };
}
