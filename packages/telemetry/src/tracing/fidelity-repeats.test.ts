import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  type Agent,
  evaluateTraces,
  type RunResult,
  runAgent,
  Suite,
  scorer,
} from "@ag2/eval-core";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { toOtlpJson } from "../convert/spans-to-otlp-json.test-helper.js";
import { weatherAgent } from "../middleware/fake-agents.test-helper.js";
import { DirectoryTraceSource } from "../sources/directory-trace-source.js";
import { OtlpFileTraceSource } from "../sources/otlp-file-trace-source.js";
import { saveTrace } from "../sources/save-trace.js";
import { tempDir } from "../sources/temp-dir.test-helper.js";
import { otelTracing } from "./otel-tracing.js";

const suite = Suite.fromList(
  ["Tokyo", "Bern", "Oslo"].map((city) => ({
    task_id: city.toLowerCase(),
    inputs: { input: `Weather in ${city}?` },
    reference_outputs: { answer: `${city} is sunny.` },
  })),
);

/** Tokyo answers; Oslo fails with a 503 on every first ask, then answers; Bern always crashes. */
function flakyAgent(): Agent {
  const asks = new Map<string, number>();
  return {
    name: "weather",
    ask(input, options) {
      const count = (asks.get(input) ?? 0) + 1;
      asks.set(input, count);
      if (input.includes("Bern")) {
        const crash = Object.assign(new RangeError("quota exhausted"), { status: 503 });
        return weatherAgent({ crash }).ask(input, options);
      }
      if (input.includes("Oslo") && count % 2 === 1) {
        const crash = Object.assign(new Error("overloaded"), { status: 503 });
        return weatherAgent({ crash }).ask(input, options);
      }
      return weatherAgent().ask(input, options);
    },
  };
}

const scorers = [
  scorer(({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer, {
    key: "correct",
  }),
  scorer(({ task }) => String(task.inputs.input), { key: "input" }),
  scorer(({ trace }) => trace.exception?.type ?? "none", { key: "exception" }),
];

function graded(run: RunResult) {
  return run.tasks
    .map((task) => ({
      taskId: task.task.taskId,
      feedback: task.feedback,
      attempts: task.attempts?.map((attempt) => attempt.error?.type ?? null),
    }))
    .sort((a, b) => a.taskId.localeCompare(b.taskId));
}

describe("fidelity with repeats and retries: saved traces regrade to the same run", () => {
  it("keeps repeated ids joined to the suite and attempts inside their task (directory, OTLP file)", async () => {
    const exported = new InMemorySpanExporter();
    const live = await runAgent(suite, {
      agent: flakyAgent(),
      scorers,
      store: null,
      repeats: 2,
      concurrency: 1,
      retries: { attempts: 2, sleep: async () => {} },
      tracing: otelTracing({
        spanProcessors: [new SimpleSpanProcessor(exported)],
        onWarning: () => {},
      }),
    });
    // every trace is saved, failed attempts included, as `--save-traces` does
    const byTrace = new Map<string, ReadableSpan[]>();
    for (const span of exported.getFinishedSpans()) {
      const list = byTrace.get(span.spanContext().traceId) ?? [];
      list.push(span);
      byTrace.set(span.spanContext().traceId, list);
    }
    const dir = await tempDir("ag2-fidelity-repeats-");
    const lines: string[] = [];
    for (const [traceId, spans] of byTrace) {
      const taskId = spans.map((s) => s.attributes["ag2.eval.task_id"]).find(Boolean);
      await saveTrace(join(dir, "traces"), traceId, spans, { taskId: String(taskId) });
      lines.push(JSON.stringify(toOtlpJson(spans)));
    }
    const otlpFile = join(dir, "spans.jsonl");
    await writeFile(otlpFile, `${lines.join("\n")}\n`);
    assert.equal(byTrace.size, 6 + 2 + 2, "two Oslo retries and two Bern retries were traced");

    const expected = graded(live);
    assert.equal(expected.length, 6);
    const oslo = expected.find((task) => task.taskId === "oslo#1");
    assert.deepEqual(oslo?.attempts, ["Error", null]);
    assert.equal(live.passRate("correct"), 4 / 6);
    for (const source of [
      new DirectoryTraceSource(join(dir, "traces")),
      new OtlpFileTraceSource(otlpFile),
    ]) {
      const replay = await evaluateTraces(source, { scorers, suite });
      assert.deepEqual(graded(replay), expected, source.constructor.name);
      assert.equal(replay.passRate("correct"), live.passRate("correct"));
    }
  });
});
