import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  Agent,
  type AgentInterface,
  fsRunStore,
  type OtelTracingOptions,
  runAgent,
  scorer,
  TestConfig,
} from "./index.js";

// @opentelemetry/sdk-trace-base is no dependency of this package: its types, via ours
type SpanProcessor = NonNullable<OtelTracingOptions["spanProcessors"]>[number];
type ReadableSpan = Parameters<SpanProcessor["onEnd"]>[0];

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-eval-continuation-"));
});
after(() => rm(root, { recursive: true, force: true }));

/** Keeps every span the run exports, as an OTLP exporter would receive them. */
function collector(): { processor: SpanProcessor; spans: ReadableSpan[] } {
  const spans: ReadableSpan[] = [];
  return {
    spans,
    processor: {
      onStart() {},
      onEnd: (span) => void spans.push(span),
      forceFlush: async () => {},
      shutdown: async () => {},
    },
  };
}

/** A real agent whose caller asks a follow-up (`reply.ask`) after the first answer. */
function followUpAgent(): AgentInterface {
  const agent = new Agent({
    name: "capitals",
    config: new TestConfig("Paris", "Tokyo"),
  });
  return {
    name: agent.name,
    async ask(input, options) {
      const reply = await agent.ask(input, options);
      return (await reply.ask("And the capital of Japan?")).content;
    },
  };
}

describe("@ag2/eval runAgent with a continuation", () => {
  it("records every turn of a task in one OpenTelemetry trace, the one trace_ref names", async () => {
    const storeDir = join(root, "runs");
    const exported = collector();
    const bothAnswers = scorer(
      ({ trace }) =>
        trace
          .eventsOf("ModelResponse")
          .map((response) => response.content)
          .join(",") === "Paris,Tokyo",
      { key: "both_answers" },
    );
    const result = await runAgent(
      [
        { task_id: "t1", inputs: { input: "Capital of France?" } },
        { task_id: "t2", inputs: { input: "Capital of France, please?" } },
      ],
      {
        agent: () => followUpAgent(),
        scorers: [bothAnswers],
        storeDir,
        runId: "continued",
        concurrency: 2,
        spanProcessors: [exported.processor],
      },
    );
    assert.equal(result.passRate("both_answers"), 1);
    const loaded = await fsRunStore(storeDir).load("continued");
    for (const task of loaded.tasks) {
      const traceId = task.traceRef?.traceId;
      assert.match(traceId ?? "", /^[0-9a-f]{32}$/);
      assert.deepEqual(
        task.trace.eventsOf("ModelResponse").map((response) => response.content),
        ["Paris", "Tokyo"],
      );
      const spans = exported.spans.filter(
        (span) => span.attributes["ag2.eval.task_id"] === task.task.taskId,
      );
      const turns = spans.filter((span) => span.name.startsWith("invoke_agent "));
      assert.equal(turns.length, 2, `${task.task.taskId}: both turns were exported`);
      assert.deepEqual(
        [...new Set(spans.map((span) => span.spanContext().traceId))],
        [traceId],
        `${task.task.taskId}: every span is in the trace trace_ref names`,
      );
      const roots = turns.filter((span) => !span.parentSpanContext);
      assert.equal(roots.length, 1, `${task.task.taskId}: the follow-up turn is not a second root`);
    }
    assert.notEqual(loaded.tasks[0]?.traceRef?.traceId, loaded.tasks[1]?.traceRef?.traceId);
  });
});
