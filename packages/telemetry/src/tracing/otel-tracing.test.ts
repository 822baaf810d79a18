import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTask, runAgent, Suite, scorer } from "@ag2/eval-core";
import type { trace as otelTrace } from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { weatherAgent } from "../middleware/fake-agents.test-helper.js";
import { otelTracing } from "./otel-tracing.js";

const suite = Suite.fromList(
  ["Paris", "Rome", "Kyiv", "Lima", "Oslo"].map((city) => ({
    task_id: city.toLowerCase(),
    inputs: { input: `Weather in ${city}?` },
  })),
);

function throwingProcessor(): SpanProcessor & { shutdowns: number } {
  return {
    shutdowns: 0,
    onStart() {
      throw new Error("onStart exploded");
    },
    onEnd() {
      throw new Error("onEnd exploded");
    },
    forceFlush: () => Promise.reject(new Error("flush exploded")),
    shutdown() {
      this.shutdowns++;
      return Promise.resolve();
    },
  };
}

describe("otelTracing", () => {
  it("traces concurrent tasks in isolation, feeding the caller's processors without shutting them down", async () => {
    const shared = new InMemorySpanExporter();
    const broken = throwingProcessor();
    const warnings: string[] = [];
    const inFlight = { now: 0, max: 0 };
    const result = await runAgent(suite, {
      agent: weatherAgent({ inFlight }),
      scorers: [],
      store: null,
      concurrency: 3,
      tracing: otelTracing({
        spanProcessors: [new SimpleSpanProcessor(shared), broken],
        onWarning: (m) => warnings.push(m),
      }),
    });
    assert.equal(inFlight.max, 3, "at most `concurrency` asks in flight, and that many were");
    assert.equal(result.tasks.length, 5);
    const all = shared.getFinishedSpans();
    assert.equal(all.length, 20, "the shared exporter kept every span: it was never shut down");
    assert.equal(broken.shutdowns, 0);
    assert.ok(
      warnings.some((w) => w.includes("onEnd exploded")),
      "a failing processor is reported, not thrown",
    );
    const traceIds = new Set<string>();
    for (const task of result.tasks) {
      const city = String(task.task.inputs.input).split(" ").at(-1)?.replace("?", "");
      const traceId = task.traceRef?.traceId ?? "";
      assert.match(traceId, /^[0-9a-f]{32}$/);
      traceIds.add(traceId);
      const own: ReadableSpan[] = all.filter((s) => s.spanContext().traceId === traceId);
      assert.equal(own.length, 4, `${task.task.taskId} has its own four spans`);
      for (const span of own) assert.equal(span.attributes["ag2.eval.task_id"], task.task.taskId);
      assert.deepEqual(
        task.trace.events.map((e) => e.type),
        ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"],
      );
      assert.equal(
        task.trace.eventsOf("ToolCallEvent")[0]?.id,
        `call-${city}`,
        "no event of another task leaked in",
      );
      assert.equal(task.trace.eventsOf("ModelResponse")[1]?.content, `${city} is sunny.`);
      assert.equal(task.trace.tokens.total, 42);
    }
    assert.equal(traceIds.size, 5);
  });

  it("a processor throwing in onEnd leaves grading unchanged and is named once in result.warnings", async () => {
    let ends = 0;
    const failing: SpanProcessor = {
      onStart() {},
      onEnd() {
        ends++;
        throw new Error("collector down");
      },
      forceFlush: () => Promise.resolve(),
      shutdown: () => Promise.resolve(),
    };
    const sunny = scorer(({ outputs }) => String(outputs.body).includes("sunny"), { key: "sunny" });
    const run = (spanProcessors: SpanProcessor[]) =>
      runAgent(suite, {
        agent: weatherAgent(),
        scorers: [sunny],
        store: null,
        concurrency: 2,
        tracing: otelTracing({ spanProcessors, onWarning: () => {} }),
      });
    const clean = await run([]);
    const broken = await run([failing]);
    assert.equal(ends, 20, "every span reached the failing processor");
    const grades = (r: typeof clean) => r.tasks.map((t) => [t.task.taskId, t.feedback]);
    assert.deepEqual(grades(broken), grades(clean));
    assert.equal(broken.passRate("sunny"), 1);
    assert.deepEqual(clean.warnings, []);
    assert.deepEqual(broken.warnings, [
      "span processor 1 failed in onEnd: collector down (in 5 tasks)",
    ]);
  });

  it("a batching processor whose export fails after the last task is named in result.warnings", async () => {
    let flushes = 0;
    // like a BatchSpanProcessor whose collector went away: the export fails only on flush
    const batching: SpanProcessor = {
      onStart() {},
      onEnd() {},
      forceFlush: async () => {
        flushes++;
        throw new Error("export failed: ECONNREFUSED");
      },
      shutdown: () => Promise.resolve(),
    };
    const heard: string[] = [];
    const result = await runAgent(
      Suite.fromList([{ task_id: "only", inputs: { input: "Weather in Oslo?" } }]),
      {
        agent: weatherAgent(),
        scorers: [],
        store: null,
        tracing: otelTracing({ spanProcessors: [batching], onWarning: (m) => heard.push(m) }),
      },
    );
    assert.equal(
      flushes,
      2,
      "flushed in the background after the task, then awaited after the run",
    );
    assert.deepEqual(result.warnings, [
      "span processor 1 failed in forceFlush: export failed: ECONNREFUSED",
    ]);
    assert.ok(heard.length >= 1, "onWarning still hears it");
  });

  it("keeps the original error type, from the root span or else from the caught error", async () => {
    class BillingError extends Error {
      override name = "BillingError";
    }
    const result = await runAgent(
      Suite.fromList([{ task_id: "a", inputs: { input: "Weather in Bern?" } }]),
      {
        agent: weatherAgent({ crash: new BillingError("card declined") }),
        scorers: [],
        store: null,
        tracing: otelTracing({ onWarning: () => {} }),
      },
    );
    assert.deepEqual(
      [result.tasks[0]?.trace.exception?.type, result.tasks[0]?.trace.exception?.message],
      ["BillingError", "card declined"],
    );

    const tracing = otelTracing({ onWarning: () => {} });
    const task = tracing.startTask({
      runId: "r",
      task: createTask({ taskId: "b", inputs: { input: "x" } }),
      agentName: "plain",
      attributes: {},
    });
    const traced = await task.finish({
      durationMs: 12,
      error: { type: "SyntaxError", message: "bad json" },
    });
    assert.deepEqual(traced.trace.exception, { type: "SyntaxError", message: "bad json" });
    assert.equal(traced.trace.durationMs, 12);
    assert.match(
      traced.traceId,
      /^[0-9a-f]{32}$/,
      "a random trace id when the agent emitted no span",
    );
  });

  it("hands the task's tracer to the agent and stamps spans with the span attributes", async () => {
    const seen = new InMemorySpanExporter();
    const tracing = otelTracing({
      spanAttributes: { team: "search", "ag2.eval.task_id": "spoofed" },
      spanProcessors: [new SimpleSpanProcessor(seen)],
    });
    const task = tracing.startTask({
      runId: "r9",
      task: createTask({ taskId: "t1", inputs: { input: "x" } }),
      agentName: "weather",
      attributes: { "ag2.eval.run_id": "r9", "ag2.eval.task_id": "t1" },
    });
    assert.ok(task.tracer, "a tracer for self-instrumenting agents");
    await weatherAgent().ask("Weather in Quito?", { middleware: task.middleware });
    const tracer = task.tracer as ReturnType<typeof otelTrace.getTracer>;
    tracer.startSpan("custom").end();
    const traced = await task.finish({ durationMs: 5 });
    assert.equal(traced.trace.events.length, 4, "the custom span is ignored by every convention");
    assert.equal(traced.trace.durationMs, 5, "the measured duration wins");
    const ours = seen.getFinishedSpans().filter((s) => s.name !== "custom");
    assert.equal(ours.length, 4);
    for (const span of ours) {
      assert.deepEqual(
        [
          span.attributes.team,
          span.attributes["ag2.eval.task_id"],
          span.attributes["ag2.eval.run_id"],
        ],
        ["search", "t1", "r9"],
      );
      assert.equal(span.spanContext().traceId, traced.traceId);
    }
    // the agent's own spans carry the task's attributes too, so an exporter can tell tasks apart
    const custom = seen.getFinishedSpans().find((s) => s.name === "custom");
    assert.deepEqual(
      [custom?.attributes["ag2.eval.task_id"], custom?.attributes["ag2.eval.run_id"]],
      ["t1", "r9"],
    );
  });
});
