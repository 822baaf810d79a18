import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runHook } from "@ag2/eval-core/internal";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { readableSpansToTrace } from "../convert/readable-spans-to-trace.js";
import { weatherAgent } from "./fake-agents.test-helper.js";
import { TelemetryMiddleware } from "./telemetry-middleware.js";

// No context manager is registered in this file on purpose: parent links must hold anyway.
function setup(options: ConstructorParameters<typeof TelemetryMiddleware>[0] = {}) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const middleware = new TelemetryMiddleware({ tracerProvider: provider, ...options });
  return { exporter, middleware };
}

function byName(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const span = spans.find((s) => s.name === name);
  assert.ok(span, `span ${name} not found among ${spans.map((s) => s.name).join(", ")}`);
  return span;
}

describe("TelemetryMiddleware", () => {
  it("records a turn with a tool call and an answer as a GenAI span tree", async () => {
    const { exporter, middleware } = setup({
      spanAttributes: { "ag2.eval.task_id": "t1", "gen_ai.agent.name": "overridden" },
    });
    const answer = await weatherAgent().ask("Weather in Tokyo?", { middleware: [middleware] });
    assert.equal(answer, "Tokyo is sunny.");
    const spans = exporter.getFinishedSpans();
    assert.deepEqual(spans.map((s) => s.name).sort(), [
      "chat m1-2026",
      "chat m1-2026",
      "execute_tool get_weather",
      "invoke_agent weather",
    ]);
    const root = byName(spans, "invoke_agent weather");
    assert.equal(root.parentSpanContext, undefined);
    assert.equal(root.kind, SpanKind.INTERNAL);
    for (const span of spans) {
      assert.equal(span.spanContext().traceId, root.spanContext().traceId);
      assert.equal(span.attributes["ag2.eval.task_id"], "t1", `${span.name} carries the task id`);
      if (span !== root)
        assert.equal(
          span.parentSpanContext?.spanId,
          root.spanContext().spanId,
          `${span.name} is a child of the turn`,
        );
    }
    assert.equal(
      root.attributes["gen_ai.agent.name"],
      "weather",
      "own attributes win over span attributes",
    );
    assert.equal(root.attributes["ag2.span.type"], "agent");
    assert.equal(root.attributes["gen_ai.operation.name"], "invoke_agent");
    assert.equal(root.attributes["gen_ai.request.model"], "m1");
    assert.match(String(root.attributes["gen_ai.output.messages"]), /Tokyo is sunny/);

    const chats = spans.filter((s) => s.name.startsWith("chat"));
    const [first, second] = chats.sort(
      (a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1],
    );
    assert.equal(first?.kind, SpanKind.CLIENT);
    assert.equal(first?.attributes["gen_ai.operation.name"], "chat");
    assert.equal(first?.attributes["gen_ai.provider.name"], "test");
    assert.equal(first?.attributes["gen_ai.request.model"], "m1");
    assert.equal(first?.attributes["gen_ai.response.model"], "m1-2026");
    assert.deepEqual(first?.attributes["gen_ai.response.finish_reasons"], ["tool_calls"]);
    assert.equal(first?.attributes["gen_ai.usage.input_tokens"], 10);
    assert.equal(
      first?.attributes["gen_ai.usage.cache_read.input_tokens"],
      undefined,
      "zero usage is not written",
    );
    assert.equal(second?.attributes["gen_ai.usage.cache_read.input_tokens"], 3);
    const output = JSON.parse(String(first?.attributes["gen_ai.output.messages"]));
    assert.equal(output[0].parts[0].type, "tool_call");
    assert.deepEqual(output[0].parts[0].arguments, { city: "Tokyo" });
    assert.match(String(first?.attributes["gen_ai.input.messages"]), /Weather in Tokyo/);
    assert.match(String(first?.attributes["gen_ai.tool.definitions"]), /get_weather/);

    const tool = byName(spans, "execute_tool get_weather");
    assert.equal(tool.attributes["gen_ai.tool.name"], "get_weather");
    assert.equal(tool.attributes["gen_ai.tool.call.id"], "call-Tokyo");
    assert.equal(tool.attributes["gen_ai.tool.call.arguments"], '{"city":"Tokyo"}');
    assert.equal(tool.attributes["gen_ai.tool.call.result"], "sunny in Tokyo");
    assert.equal(tool.status.code, SpanStatusCode.UNSET);

    const trace = readableSpansToTrace(spans);
    assert.deepEqual(
      trace.events.map((e) => e.type),
      ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"],
    );
    assert.equal(trace.tokens.total, 42);
    assert.equal(trace.exception, null);
  });

  it("records an error on the root with its original type and re-throws it", async () => {
    class QuotaExceeded extends Error {
      override name = "QuotaExceeded";
    }
    const { exporter, middleware } = setup();
    await assert.rejects(
      weatherAgent({ crash: new QuotaExceeded("out of quota") }).ask("Weather in Oslo?", {
        middleware: [middleware],
      }),
      QuotaExceeded,
    );
    const root = byName(exporter.getFinishedSpans(), "invoke_agent weather");
    assert.equal(root.status.code, SpanStatusCode.ERROR);
    assert.equal(root.attributes["error.type"], "QuotaExceeded");
    const event = root.events.find((e) => e.name === "exception");
    assert.equal(event?.attributes?.["exception.type"], "QuotaExceeded");
    assert.equal(event?.attributes?.["exception.message"], "out of quota");
    const trace = readableSpansToTrace(exporter.getFinishedSpans());
    assert.equal(trace.exception?.type, "QuotaExceeded");
    assert.equal(trace.exception?.message, "out of quota");
  });

  it("marks a handled tool error on the tool span only; the root stays OK", async () => {
    const { exporter, middleware } = setup();
    const answer = await weatherAgent({
      toolError: { type: "LookupError", message: "no such city" },
    }).ask("Weather in Atlantis?", { middleware: [middleware] });
    assert.equal(answer, "I could not find Atlantis.");
    const spans = exporter.getFinishedSpans();
    const tool = byName(spans, "execute_tool get_weather");
    assert.equal(tool.status.code, SpanStatusCode.ERROR);
    assert.equal(tool.attributes["error.type"], "LookupError");
    assert.equal(tool.attributes["gen_ai.tool.call.result"], undefined);
    assert.equal(byName(spans, "invoke_agent weather").status.code, SpanStatusCode.UNSET);
    const trace = readableSpansToTrace(spans);
    assert.equal(trace.exception, null);
    const [error] = trace.eventsOf("ToolErrorEvent");
    assert.deepEqual(
      { type: error?.error.type, message: error?.error.message, parentId: error?.parentId },
      { type: "LookupError", message: "no such city", parentId: "call-Atlantis" },
    );
  });

  it("drops prompts, replies, arguments and results when captureContent is off", async () => {
    const { exporter, middleware } = setup({ captureContent: false });
    await weatherAgent().ask("Weather in Lima?", { middleware: [middleware] });
    const content = [
      "gen_ai.input.messages",
      "gen_ai.output.messages",
      "gen_ai.tool.definitions",
      "gen_ai.tool.call.arguments",
      "gen_ai.tool.call.result",
    ];
    for (const span of exporter.getFinishedSpans()) {
      for (const key of content)
        assert.equal(span.attributes[key], undefined, `${span.name} has no ${key}`);
    }
    const trace = readableSpansToTrace(exporter.getFinishedSpans());
    assert.equal(trace.tokens.total, 42, "usage is not content and stays");
    assert.equal(trace.eventsOf("ToolCallEvent")[0]?.name, "get_weather");
  });

  it("records human input inside the turn", async () => {
    const { exporter, middleware } = setup({ agentName: "concierge" });
    await runHook([middleware], "onTurn", { agentName: "ignored", input: "book" }, async () => {
      const reply = await runHook(
        [middleware],
        "onHumanInput",
        { type: "HumanInputRequest", prompt: "Which day?" },
        async () => ({ type: "HumanMessage", content: "Friday" }),
      );
      return { content: reply.content };
    });
    const spans = exporter.getFinishedSpans();
    const human = byName(spans, "await_human_input concierge");
    assert.equal(
      human.parentSpanContext?.spanId,
      byName(spans, "invoke_agent concierge").spanContext().spanId,
    );
    assert.equal(human.attributes["ag2.human_input.response"], "Friday");
    const trace = readableSpansToTrace(spans);
    assert.deepEqual(
      trace.events.map((e) => e.type),
      ["HumanInputRequest", "HumanMessage"],
    );
  });

  it("keeps concurrent turns on one middleware in separate traces", async () => {
    const { exporter, middleware } = setup();
    const agent = weatherAgent();
    await Promise.all(
      ["Paris", "Rome", "Kyiv"].map((city) =>
        agent.ask(`Weather in ${city}?`, { middleware: [middleware] }),
      ),
    );
    const spans = exporter.getFinishedSpans();
    const roots = spans.filter((s) => s.name.startsWith("invoke_agent"));
    assert.equal(roots.length, 3);
    for (const root of roots) {
      const traceId = root.spanContext().traceId;
      const city = JSON.parse(String(root.attributes["gen_ai.input.messages"]))[0]
        .parts[0].content.split(" ")
        .at(-1)
        .replace("?", "");
      const members = spans.filter((s) => s.spanContext().traceId === traceId);
      assert.equal(members.length, 4);
      const tool = members.find((s) => s.name.startsWith("execute_tool"));
      assert.equal(tool?.attributes["gen_ai.tool.call.id"], `call-${city}`);
    }
  });

  it("ends the span with an error when the inner code throws synchronously, and rejects", async () => {
    const { exporter, middleware } = setup();
    const boom = new TypeError("sync failure");
    const pending = runHook([middleware], "onModelCall", { messages: [], tools: [] }, () => {
      throw boom;
    });
    assert.ok(pending instanceof Promise);
    await assert.rejects(pending, (error) => error === boom);
    const [span] = exporter.getFinishedSpans();
    assert.equal(span?.name, "chat");
    assert.equal(span?.status.code, SpanStatusCode.ERROR);
    assert.equal(span?.attributes["error.type"], "TypeError");
  });

  it("marks the span of an error whose message getter throws, and rejects with that error", async () => {
    const { exporter, middleware } = setup();
    const hostile = new Error("x");
    Object.defineProperty(hostile, "message", {
      get() {
        throw new Error("unreadable");
      },
    });
    const pending = runHook([middleware], "onModelCall", { messages: [], tools: [] }, () =>
      Promise.reject(hostile),
    );
    await assert.rejects(pending, (error) => error === hostile);
    const [span] = exporter.getFinishedSpans();
    assert.equal(span?.status.code, SpanStatusCode.ERROR);
    assert.match(String(span?.status.message), /message could not be read/);
  });

  it("records a reply that the inner code returned as a plain value, not a promise", async () => {
    const { exporter, middleware } = setup();
    const final = (() => ({ content: "hi" })) as unknown as () => Promise<{ content: string }>;
    const result = await runHook([middleware], "onTurn", { agentName: "a", input: "x" }, final);
    assert.deepEqual(result, { content: "hi" });
    const [span] = exporter.getFinishedSpans();
    assert.equal(span?.status.code, SpanStatusCode.UNSET);
    assert.equal(
      span?.attributes["gen_ai.output.messages"],
      '[{"role":"assistant","parts":[{"type":"text","content":"hi"}]}]',
    );
  });
});
