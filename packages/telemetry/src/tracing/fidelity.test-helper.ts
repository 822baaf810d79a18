// What the fidelity tests share: a live run whose spans are exported, then saved both ways a
// user keeps them (a directory of span files, one OTLP JSON file) for re-grading.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type RunAgentOptions, type RunResult, runAgent, Suite } from "@ag2/eval-core";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { toOtlpJson } from "../convert/spans-to-otlp-json.test-helper.js";
import { DirectoryTraceSource } from "../sources/directory-trace-source.js";
import { OtlpFileTraceSource } from "../sources/otlp-file-trace-source.js";
import { saveTrace } from "../sources/save-trace.js";
import { tempDir } from "../sources/temp-dir.test-helper.js";
import { otelTracing } from "./otel-tracing.js";

/** One task per city, asking its weather; the reference answer is "<city> is sunny.". */
export function citySuite(cities: readonly string[]): Suite {
  return Suite.fromList(
    cities.map((city) => ({
      task_id: city.toLowerCase(),
      inputs: { input: `Weather in ${city}?` },
      reference_outputs: { answer: `${city} is sunny.` },
    })),
  );
}

/** A live run and its spans, saved as a directory of traces and as an OTLP JSON file. */
export interface SavedRun {
  readonly live: RunResult;
  /** How many traces were exported (failed attempts have traces of their own). */
  readonly traceCount: number;
  readonly directory: DirectoryTraceSource;
  readonly otlpFile: OtlpFileTraceSource;
}

/**
 * Runs `suite` with `otelTracing()` and an exporter beside grading, then saves every exported
 * trace (each under the task id its spans carry, as `--save-traces` does) both ways.
 */
export async function runAndSaveTraces(
  suite: Suite,
  options: Omit<RunAgentOptions, "store" | "tracing">,
): Promise<SavedRun> {
  const exported = new InMemorySpanExporter();
  const live = await runAgent(suite, {
    ...options,
    store: null,
    tracing: otelTracing({
      spanProcessors: [new SimpleSpanProcessor(exported)],
      onWarning: () => {},
    }),
  });
  const byTrace = new Map<string, ReadableSpan[]>();
  for (const span of exported.getFinishedSpans()) {
    const list = byTrace.get(span.spanContext().traceId) ?? [];
    list.push(span);
    byTrace.set(span.spanContext().traceId, list);
  }
  for (const task of live.tasks) {
    const traceId = task.traceRef?.traceId ?? "";
    assert.ok(byTrace.has(traceId), `spans of ${task.task.taskId} were exported`);
  }
  const dir = await tempDir("ag2-fidelity-");
  const lines: string[] = [];
  for (const [traceId, spans] of byTrace) {
    const taskId = spans.map((span) => span.attributes["ag2.eval.task_id"]).find(Boolean);
    await saveTrace(join(dir, "traces"), traceId, spans, { taskId: String(taskId) });
    lines.push(JSON.stringify(toOtlpJson(spans)));
  }
  const otlpFile = join(dir, "spans.jsonl");
  await writeFile(otlpFile, `${lines.join("\n")}\n`);
  return {
    live,
    traceCount: byTrace.size,
    directory: new DirectoryTraceSource(join(dir, "traces")),
    otlpFile: new OtlpFileTraceSource(otlpFile),
  };
}
