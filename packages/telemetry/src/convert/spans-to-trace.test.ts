import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AG2GenAIConvention } from "../conventions/ag2-genai-convention.js";
import { AISDKConvention } from "../conventions/ai-sdk-convention.js";
import type { SpanEvent } from "../spans/span-data.js";
import { MS, span, T0 } from "../spans/span-fixtures.test-helper.js";
import { spansToTrace } from "./spans-to-trace.js";

const quiet = { onWarning: () => {} };

describe("spansToTrace", () => {
  it("reads AG2 Python spans with their older attribute names", () => {
    const trace = spansToTrace([
      span("chat", "b", "a", 1, 5, {
        "ag2.span.type": "llm",
        "gen_ai.system": "openai",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.prompt_tokens": 11,
        "gen_ai.usage.completion_tokens": 4,
        "gen_ai.usage.cache_creation_input_tokens": 2,
        "gen_ai.usage.thinking_tokens": 1,
        "gen_ai.response.finish_reasons": ["tool_calls"],
      }),
      span("invoke_agent a", "a", null, 0, 250, { "ag2.span.type": "agent" }),
      span("execute_tool get_weather", "c", "a", 6, 8, {
        "ag2.span.type": "tool",
        "gen_ai.tool.name": "get_weather",
        "gen_ai.tool.call.id": "call_1",
        "gen_ai.tool.call.arguments": '{"city":"Tokyo"}',
        "gen_ai.tool.call.result": "sunny",
      }),
      span("chat gpt-4o", "d", "a", 9, 12, {
        "ag2.span.type": "llm",
        "gen_ai.response.model": "gpt-4o-2024",
        "gen_ai.output.messages": JSON.stringify([
          { content: "Tokyo is sunny.", role: "assistant" },
        ]),
        "gen_ai.response.finish_reasons": "stop",
      }),
    ]);
    assert.deepEqual(
      trace.events.map((e) => e.type),
      ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"],
    );
    const [first, second] = trace.eventsOf("ModelResponse");
    assert.deepEqual(first?.usage, {
      inputTokens: 11,
      outputTokens: 4,
      cacheCreationInputTokens: 2,
      thinkingTokens: 1,
    });
    assert.equal(first?.content, null);
    assert.equal(first?.provider, "openai");
    assert.equal(first?.model, "gpt-4o");
    assert.equal(first?.finishReason, "tool_calls");
    assert.equal(second?.content, "Tokyo is sunny.");
    assert.equal(second?.model, "gpt-4o-2024");
    assert.equal(second?.finishReason, "stop");
    const [result] = trace.eventsOf("ToolResultEvent");
    assert.deepEqual(result, {
      type: "ToolResultEvent",
      parentId: "call_1",
      name: "get_weather",
      result: "sunny",
      createdAt: Number(T0 / MS) + 6,
    });
    assert.equal(trace.durationMs, 250, "duration of the root agent span");
    assert.equal(trace.tokens.total, 15);
  });

  it("takes the root error with its type, and ignores a handled tool error", () => {
    const exception = (type: string, message: string): SpanEvent => ({
      name: "exception",
      attributes: { "exception.type": type, "exception.message": message },
    });
    const failed = spansToTrace([
      span(
        "invoke_agent a",
        "a",
        null,
        0,
        10,
        { "ag2.span.type": "agent" },
        { status: "ERROR", events: [exception("TimeoutError", "model took too long")] },
      ),
      span(
        "chat",
        "b",
        "a",
        1,
        9,
        { "ag2.span.type": "llm" },
        { status: "ERROR", events: [exception("TimeoutError", "model took too long")] },
      ),
    ]);
    assert.deepEqual(failed.exception, { type: "TimeoutError", message: "model took too long" });
    assert.equal(
      failed.eventsOf("ModelResponse").length,
      0,
      "a failed model call gives no response (the reference gives an empty one)",
    );
    const onlyErrorType = spansToTrace(
      [
        span(
          "invoke_agent a",
          "a",
          null,
          0,
          10,
          { "ag2.span.type": "agent", "error.type": "RateLimited" },
          { status: "ERROR" },
        ),
      ],
      quiet,
    );
    assert.deepEqual(onlyErrorType.exception, { type: "RateLimited", message: "" });
    const handled = spansToTrace([
      span("invoke_agent a", "a", null, 0, 10, { "ag2.span.type": "agent" }),
      span(
        "execute_tool t",
        "b",
        "a",
        1,
        2,
        { "ag2.span.type": "tool", "gen_ai.tool.call.id": "c1" },
        { status: "ERROR", events: [exception("ValueError", "bad input")] },
      ),
    ]);
    assert.equal(handled.exception, null);
    const [error] = handled.eventsOf("ToolErrorEvent");
    assert.deepEqual(error?.error, { type: "ValueError", message: "bad input" });
    assert.equal(error?.name, "t", "name from the span name when gen_ai.tool.name is missing");
    assert.equal(handled.eventsOf("ToolCallEvent")[0]?.arguments, "{}");
  });

  it("tries conventions in order and skips spans nobody recognizes", () => {
    const spans = [
      span("ai.generateText.doGenerate", "d", null, 0, 1, {
        "ai.operationId": "ai.generateText.doGenerate",
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": 1,
        "ai.usage.inputTokens": 99,
      }),
      span("GET /x", "h", null, 2, 3, { "http.method": "GET" }),
    ];
    assert.equal(spansToTrace(spans).tokens.input, 1, "GenAI comes first by default");
    assert.equal(
      spansToTrace(spans, { conventions: [AISDKConvention, AG2GenAIConvention] }).tokens.input,
      99,
    );
    assert.equal(spansToTrace(spans).events.length, 1);
  });

  it("dedupes spans by id, prefers the agent root, and warns when no event comes out", () => {
    const chat = span("chat", "c", "r", 1, 2, { "ag2.span.type": "llm" });
    const trace = spansToTrace([
      span("other", "o", null, 0, 500, {}),
      span("invoke_agent x", "r", null, 1, 101, { "ag2.span.type": "agent" }),
      chat,
      chat,
    ]);
    assert.equal(trace.events.length, 1);
    assert.equal(trace.durationMs, 100);
    assert.equal(spansToTrace([chat], { durationMs: 7 }).durationMs, 7);
    const warnings: string[] = [];
    const empty = spansToTrace([span("GET /", "h", null, 0, 1, {})], {
      onWarning: (m) => warnings.push(m),
    });
    assert.deepEqual(warnings, ["reconstructed 0 events from 1 span(s)"]);
    assert.equal(empty.durationMs, 1);
    assert.equal(spansToTrace([], { onWarning: (m) => warnings.push(m) }).durationMs, 0);
    assert.equal(warnings.length, 1, "no warning without spans");
  });
});
