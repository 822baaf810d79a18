import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  type Agent,
  type BudgetThresholds,
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
  ["Tokyo", "Atlantis", "Bern", "Oslo"].map((city) => ({
    task_id: city.toLowerCase(),
    inputs: { input: `Weather in ${city}?` },
    reference_outputs: { answer: `${city} is sunny.` },
  })),
);

/** Each city behaves differently: an answer, a handled tool error, a crash. */
const agent: Agent = {
  name: "weather",
  ask(input, options) {
    if (input.includes("Atlantis"))
      return weatherAgent({ toolError: { type: "LookupError", message: "no such city" } }).ask(
        input,
        options,
      );
    if (input.includes("Bern"))
      return weatherAgent({ crash: new RangeError("quota exhausted") }).ask(input, options);
    return weatherAgent().ask(input, options);
  },
};

const scorers = [
  scorer(({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer, {
    key: "correct",
  }),
  scorer(({ trace }) => trace.eventsOf("ToolCallEvent", { name: "get_weather" }).length > 0, {
    key: "tool_called",
  }),
  scorer(({ trace }) => trace.eventsOf("ToolErrorEvent").length === 0, { key: "no_tool_errors" }),
  scorer(({ trace }) => trace.tokens.total, { key: "tokens" }),
  scorer(({ trace }) => trace.exception?.type ?? "none", { key: "exception" }),
  scorer(
    ({ trace }) =>
      trace.events
        .map((e) => (e.type === "ToolCallEvent" ? `${e.type}:${e.arguments}` : e.type))
        .join(","),
    { key: "events" },
  ),
];

const budgets: BudgetThresholds = {
  maxTokensPerTask: 30,
  maxToolCallsPerTask: 1,
  maxModelCallsPerTask: 1,
  maxSecondsPerTask: 600,
};

function graded(run: RunResult) {
  const byTask = new Map<string, unknown>();
  for (const task of run.tasks) {
    byTask.set(task.task.taskId, {
      feedback: task.feedback,
      budgetViolation: task.budgetViolation,
      budgetViolations: task.budgetViolations,
    });
  }
  return byTask;
}

describe("fidelity: grading stored spans gives what the live run gave", () => {
  it("re-grades a directory and an OTLP file to identical feedback, budget flags and pass rates", async () => {
    const exported = new InMemorySpanExporter();
    const live = await runAgent(suite, {
      agent,
      scorers,
      budgets,
      store: null,
      concurrency: 2,
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
    const dir = await tempDir("ag2-fidelity-");
    const lines: string[] = [];
    for (const task of live.tasks) {
      const traceId = task.traceRef?.traceId ?? "";
      const spans = byTrace.get(traceId) ?? [];
      assert.ok(spans.length > 0, `spans of ${task.task.taskId} were exported`);
      await saveTrace(join(dir, "traces"), traceId, spans, { taskId: task.task.taskId });
      lines.push(JSON.stringify(toOtlpJson(spans)));
    }
    const otlpFile = join(dir, "spans.jsonl");
    await writeFile(otlpFile, `${lines.join("\n")}\n`);

    const fromDirectory = await evaluateTraces(new DirectoryTraceSource(join(dir, "traces")), {
      scorers,
      budgets,
      suite,
    });
    const fromOtlp = await evaluateTraces(new OtlpFileTraceSource(otlpFile), {
      scorers,
      budgets,
      suite,
    });

    const expected = graded(live);
    // The live run really exercised what is being compared.
    const bern = live.tasks.find((t) => t.task.taskId === "bern");
    assert.deepEqual(bern?.feedback.find((f) => f.key === "exception")?.value, "RangeError");
    assert.ok(
      live.tasks.some((t) => t.budgetViolation) && live.tasks.some((t) => !t.budgetViolation),
    );
    assert.equal(live.passRate("correct"), 0.5);
    for (const replay of [fromDirectory, fromOtlp]) {
      assert.equal(replay.tasks.length, live.tasks.length);
      assert.deepEqual(graded(replay), expected);
      for (const key of ["correct", "tool_called", "no_tool_errors"])
        assert.equal(replay.passRate(key), live.passRate(key), key);
      assert.deepEqual(replay.scoreStats("tokens"), live.scoreStats("tokens"));
    }
  });
});
