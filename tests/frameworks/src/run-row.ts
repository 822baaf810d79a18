import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  DirectoryTraceSource,
  evaluateTraces,
  OtlpFileTraceSource,
  otelTracing,
  type RunResult,
  runAgent,
  Suite,
  saveTrace,
} from "@ag2/eval";
import { JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { CONVERSATION_SCORERS, CONVERSATION_SUITE } from "./conversation.js";
import type { FrameworkRow, MockModel } from "./framework-row.js";

/** A row's live run and every span it exported. */
export interface RowRun {
  readonly result: RunResult;
  readonly spans: readonly ReadableSpan[];
}

const suite = Suite.fromList(CONVERSATION_SUITE, { name: "conversation" });

/** Runs the conversation suite through the row's agent under `otelTracing()`, two at a time. */
export async function runRow(row: FrameworkRow, mock: MockModel): Promise<RowRun> {
  const exporter = new InMemorySpanExporter();
  const result = await runAgent(suite, {
    agent: row.createAgent(mock),
    scorers: CONVERSATION_SCORERS,
    store: null,
    concurrency: 2,
    tracing: otelTracing({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
      conventions: row.conventions,
    }),
  });
  return { result, spans: exporter.getFinishedSpans() };
}

/** Writes each task's spans with `saveTrace` into `folder` and regrades that directory. */
export async function regradeDirectory(
  row: FrameworkRow,
  run: RowRun,
  folder: string,
): Promise<RunResult> {
  for (const task of run.result.tasks) {
    const traceId = task.traceRef?.traceId ?? "";
    const own = run.spans.filter((span) => span.spanContext().traceId === traceId);
    await saveTrace(folder, traceId, own, { taskId: task.task.taskId });
  }
  const source = new DirectoryTraceSource(folder, { conventions: row.conventions });
  return evaluateTraces(source, { scorers: CONVERSATION_SCORERS, suite, store: null });
}

/** Writes every span as one OTLP/JSON line (what the OTLP HTTP exporter posts) and regrades it. */
export async function regradeOtlpFile(
  row: FrameworkRow,
  run: RowRun,
  folder: string,
): Promise<RunResult> {
  await mkdir(folder, { recursive: true });
  const file = join(folder, "spans.jsonl");
  const body = JsonTraceSerializer.serializeRequest([...run.spans]);
  await writeFile(file, `${Buffer.from(body ?? new Uint8Array()).toString("utf8")}\n`);
  const source = new OtlpFileTraceSource(file, { conventions: row.conventions });
  return evaluateTraces(source, { scorers: CONVERSATION_SCORERS, suite, store: null });
}
