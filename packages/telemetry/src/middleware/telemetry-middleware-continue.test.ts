import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Middleware } from "@ag2/eval-core";
import { runHook } from "@ag2/eval-core/internal";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { spansToTrace } from "../convert/spans-to-trace.js";
import { readableSpanToData } from "../spans/readable-span-to-data.js";
import { tick } from "./fake-agents.test-helper.js";
import { TelemetryMiddleware } from "./telemetry-middleware.js";

// No context manager is registered in this file: a follow-up turn runs with no active span,
// as a continuation called after the first turn has ended does.
function setup(continueTrace?: boolean) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const middleware = new TelemetryMiddleware({ tracerProvider: provider, continueTrace });
  return { exporter, middleware };
}

/** One turn of a fake agent: a single model call answering `answer`, or throwing `crash`. */
function turn(middleware: Middleware, input: string, answer: string, crash?: Error) {
  return runHook(
    [middleware],
    "onTurn",
    { agentName: "chat", input, provider: "test", model: "m1" },
    async (request) => {
      await tick();
      const response = await runHook(
        [middleware],
        "onModelCall",
        { messages: [{ role: "user", content: request.input }], tools: [] },
        async () => ({ type: "ModelResponse" as const, content: answer }),
      );
      if (crash) throw crash;
      return { content: response.content };
    },
  );
}

function turns(spans: readonly ReadableSpan[]): ReadableSpan[] {
  return spans
    .filter((span) => span.name === "invoke_agent chat")
    .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
}

describe("TelemetryMiddleware continueTrace", () => {
  it("parents a follow-up turn to the first, so both turns share one trace", async () => {
    const { exporter, middleware } = setup(true);
    await turn(middleware, "Capital of France?", "Paris");
    await turn(middleware, "And of Japan?", "Tokyo");
    const spans = exporter.getFinishedSpans();
    assert.equal(spans.length, 4);
    const [first, second] = turns(spans);
    assert.ok(first && second);
    assert.equal(first.parentSpanContext, undefined, "the first turn is the root");
    assert.equal(second.parentSpanContext?.spanId, first.spanContext().spanId);
    const traceIds = new Set(spans.map((span) => span.spanContext().traceId));
    assert.deepEqual([...traceIds], [first.spanContext().traceId]);
    const chats = spans.filter((span) => span.name.startsWith("chat"));
    assert.deepEqual(
      chats.map((chat) => chat.parentSpanContext?.spanId).sort(),
      [first.spanContext().spanId, second.spanContext().spanId].sort(),
      "each model call stays under its own turn",
    );

    const trace = spansToTrace(spans.map(readableSpanToData));
    assert.deepEqual(
      trace.eventsOf("ModelResponse").map((response) => response.content),
      ["Paris", "Tokyo"],
    );
  });

  it("keeps the first turn as the trace's root when rebuilding it", async () => {
    const { exporter, middleware } = setup(true);
    // the agent handles its first turn's failure and asks again in the same task
    await turn(middleware, "Capital of France?", "Par", new RangeError("cut off")).catch(() => {});
    await turn(middleware, "Again: capital of France?", "Paris");
    const spans = exporter.getFinishedSpans();
    assert.equal(new Set(spans.map((span) => span.spanContext().traceId)).size, 1);
    const trace = spansToTrace(spans.map(readableSpanToData));
    assert.equal(trace.exception?.type, "RangeError", "the root is the first (failed) turn");
    assert.deepEqual(
      trace.eventsOf("ModelResponse").map((response) => response.content),
      ["Par", "Paris"],
    );
  });

  it("leaves a turn already inside the first turn's trace under its nearer parent", async () => {
    const { exporter, middleware } = setup(true);
    await turn(middleware, "warm-up", "ok");
    await runHook([middleware], "onTurn", { agentName: "chat", input: "outer" }, async () => {
      await runHook(
        [middleware],
        "onToolExecution",
        { id: "c1", name: "ask", arguments: "{}" },
        () =>
          turn(middleware, "inner", "nested").then((result) => ({
            type: "ToolResultEvent" as const,
            parentId: "c1",
            name: "ask",
            result: result.content ?? "",
          })),
      );
      return { content: "done" };
    });
    const spans = exporter.getFinishedSpans();
    const tool = spans.find((span) => span.name === "execute_tool ask");
    const inner = turns(spans).find((span) =>
      String(span.attributes["gen_ai.input.messages"]).includes("inner"),
    );
    assert.ok(tool && inner);
    assert.equal(inner.parentSpanContext?.spanId, tool.spanContext().spanId);
    assert.equal(new Set(spans.map((span) => span.spanContext().traceId)).size, 1);
  });

  it("starts a new trace per turn when the option is off (the default)", async () => {
    const { exporter, middleware } = setup();
    await turn(middleware, "Capital of France?", "Paris");
    await turn(middleware, "And of Japan?", "Tokyo");
    const [first, second] = turns(exporter.getFinishedSpans());
    assert.ok(first && second);
    assert.equal(second.parentSpanContext, undefined);
    assert.notEqual(second.spanContext().traceId, first.spanContext().traceId);
  });
});
