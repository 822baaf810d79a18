import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { spansToTrace } from "../convert/spans-to-trace.js";
import { span } from "../spans/span-fixtures.test-helper.js";

describe("AISDKConvention and AI SDK 7 GenAI spans", () => {
  it("reads AI SDK 7 GenAI spans without counting the root's aggregated usage", () => {
    const trace = spansToTrace([
      span("invoke_agent mock", "r", null, 0, 30, {
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.usage.input_tokens": 30,
        "gen_ai.usage.output_tokens": 12,
      }),
      span("step 1", "s1", "r", 1, 15, { "gen_ai.operation.name": "agent_step" }),
      span("chat mock", "c1", "s1", 2, 5, {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.usage.input_tokens": 10,
        "gen_ai.usage.output_tokens": 5,
        "gen_ai.usage.cache_creation.input_tokens": 4,
        "gen_ai.output.messages": JSON.stringify([
          {
            role: "assistant",
            parts: [{ type: "tool_call", id: "x1", name: "weather", arguments: { city: "Oslo" } }],
          },
        ]),
        "gen_ai.response.finish_reasons": ["tool-calls"],
      }),
      span("execute_tool weather", "t1", "s1", 6, 8, {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": "weather",
        "gen_ai.tool.call.id": "x1",
        "gen_ai.tool.call.arguments": '{"city":"Oslo"}',
        "gen_ai.tool.call.result": '{"sky":"grey"}',
      }),
      span("step 2", "s2", "r", 16, 29, { "gen_ai.operation.name": "agent_step" }),
      span("chat mock", "c2", "s2", 17, 28, {
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": 20,
        "gen_ai.usage.output_tokens": 7,
        "gen_ai.output.messages": JSON.stringify([
          {
            role: "assistant",
            parts: [
              { type: "text", content: "Grey in " },
              { type: "text", content: "Oslo." },
            ],
          },
        ]),
      }),
    ]);
    assert.deepEqual(
      trace.events.map((e) => e.type),
      ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"],
    );
    assert.deepEqual(trace.tokens, {
      input: 30,
      output: 12,
      cacheCreation: 4,
      cacheRead: 0,
      total: 42,
    });
    const [first, second] = trace.eventsOf("ModelResponse");
    assert.deepEqual(first?.toolCalls, [
      { id: "x1", name: "weather", arguments: '{"city":"Oslo"}' },
    ]);
    assert.equal(second?.content, "Grey in Oslo.");
    assert.equal(trace.durationMs, 30);
  });

  it("reads AI SDK 6 ai.* spans: usage per model call, tool outcome, nothing from the aggregated root", () => {
    const trace = spansToTrace([
      span("ai.generateText", "g", null, 0, 40, {
        "ai.operationId": "ai.generateText",
        "ai.usage.inputTokens": 30,
        "ai.usage.outputTokens": 12,
        "ai.response.text": "Done.",
      }),
      span("ai.generateText.doGenerate", "d1", "g", 1, 5, {
        "ai.operationId": "ai.generateText.doGenerate",
        "ai.model.provider": "openai.chat",
        "ai.model.id": "gpt-4o",
        "ai.response.toolCalls": JSON.stringify([
          { toolCallId: "c1", toolName: "lookup", input: '{"q":"x"}' },
        ]),
        "ai.response.finishReason": "tool-calls",
        "ai.usage.inputTokens": 10,
        "ai.usage.outputTokens": 5,
        "ai.usage.inputTokenDetails.cacheReadTokens": 2,
        "gen_ai.usage.input_tokens": 10,
      }),
      span(
        "ai.toolCall",
        "t",
        "g",
        6,
        7,
        {
          "ai.operationId": "ai.toolCall",
          "ai.toolCall.name": "lookup",
          "ai.toolCall.id": "c1",
          "ai.toolCall.args": '{"q":"x"}',
        },
        {
          status: "ERROR",
          events: [
            {
              name: "exception",
              attributes: {
                "exception.type": "AI_ToolExecutionError",
                "exception.message": "lookup failed",
              },
            },
          ],
        },
      ),
      span("ai.generateText.doGenerate", "d2", "g", 8, 39, {
        "ai.operationId": "ai.generateText.doGenerate",
        "ai.response.text": "Done.",
        "ai.response.model": "gpt-4o-2024",
        "ai.usage.inputTokens": 20,
        "ai.usage.outputTokens": 7,
      }),
    ]);
    assert.deepEqual(
      trace.events.map((e) => e.type),
      ["ModelResponse", "ToolCallEvent", "ToolErrorEvent", "ModelResponse"],
    );
    assert.deepEqual(trace.tokens, {
      input: 30,
      output: 12,
      cacheCreation: 0,
      cacheRead: 2,
      total: 42,
    });
    const [first, second] = trace.eventsOf("ModelResponse");
    assert.deepEqual(first?.toolCalls, [{ id: "c1", name: "lookup", arguments: '{"q":"x"}' }]);
    assert.deepEqual(
      [first?.provider, first?.model, first?.finishReason, first?.content],
      ["openai.chat", "gpt-4o", "tool-calls", null],
    );
    assert.deepEqual([second?.content, second?.model], ["Done.", "gpt-4o-2024"]);
    assert.equal(trace.eventsOf("ToolErrorEvent")[0]?.error.type, "AI_ToolExecutionError");
    assert.equal(trace.exception, null);
    assert.equal(trace.durationMs, 40, "the ai.generateText root gives the duration");
  });

  it("decodes ai.toolCall.result as the SDK encoded it: a string result is the plain string", () => {
    const results = [
      [JSON.stringify("sunny, 24°C"), "sunny, 24°C"],
      [JSON.stringify('"quoted"'), '"quoted"'],
      [JSON.stringify({ sky: "grey" }), '{"sky":"grey"}'],
      [JSON.stringify(42), "42"],
      ['"not json', '"not json'],
      ["plain text", "plain text"],
    ];
    for (const [recorded, expected] of results) {
      const trace = spansToTrace([
        span("ai.toolCall", "t", null, 0, 1, {
          "ai.operationId": "ai.toolCall",
          "ai.toolCall.name": "weather",
          "ai.toolCall.id": "c1",
          "ai.toolCall.args": "{}",
          "ai.toolCall.result": recorded as string,
        }),
      ]);
      const [result] = trace.eventsOf("ToolResultEvent");
      assert.equal(result?.type === "ToolResultEvent" && result.result, expected, recorded);
    }
  });

  it("keeps what spans missing fields hold, invents nothing, and names what was missing", () => {
    const warnings: string[] = [];
    const trace = spansToTrace(
      [
        span("ai.generateText", "g", null, 0, 40, { "ai.operationId": "ai.generateText" }),
        span(
          "ai.generateText.doGenerate",
          "d0",
          "g",
          1,
          2,
          {
            "ai.operationId": "ai.generateText.doGenerate",
          },
          { status: "ERROR" },
        ),
        span("ai.generateText.doGenerate", "d1", "g", 3, 5, {
          "ai.operationId": "ai.generateText.doGenerate",
          "ai.response.text": "",
          "ai.response.toolCalls": JSON.stringify([
            { toolCallId: "c1", toolName: "weather", input: "{}" },
          ]),
        }),
        span("ai.toolCall", "t1", "g", 6, 7, {
          "ai.operationId": "ai.toolCall",
          "ai.toolCall.name": "weather",
          "ai.toolCall.id": "c1",
        }),
        span(
          "ai.toolCall",
          "t2",
          "g",
          8,
          9,
          { "ai.operationId": "ai.toolCall" },
          { status: "ERROR" },
        ),
        span("ai.generateText.doGenerate", "d2", "g", 10, 39, {
          "ai.operationId": "ai.generateText.doGenerate",
          "ai.usage.inputTokens": 20,
          "ai.usage.outputTokens": 7,
        }),
      ],
      { onWarning: (message) => warnings.push(message) },
    );
    assert.deepEqual(
      trace.events.map((e) => e.type),
      ["ModelResponse", "ToolCallEvent", "ToolCallEvent", "ToolErrorEvent", "ModelResponse"],
      "no response for the failed attempt, no result for the call that recorded none",
    );
    const [call] = trace.eventsOf("ToolCallEvent");
    // the span recorded no arguments; the model's own request for call c1 did ("{}"), and
    // spansToTrace fills a call's missing arguments from that request: recorded, not invented
    assert.deepEqual([call?.name, call?.arguments], ["weather", "{}"]);
    const [first, second] = trace.eventsOf("ModelResponse");
    assert.deepEqual([first?.usage, first?.content], [undefined, null]);
    assert.deepEqual(
      [second?.usage, second?.content],
      [{ inputTokens: 20, outputTokens: 7 }, null],
    );
    assert.deepEqual(trace.tokens, {
      input: 20,
      output: 7,
      cacheCreation: 0,
      cacheRead: 0,
      total: 27,
    });
    assert.deepEqual(warnings, [
      "AI SDK span ai.generateText.doGenerate has no token usage (ai.usage.*): its tokens are not counted",
      'AI SDK span ai.toolCall (tool weather) has no ai.toolCall.args (recordOutputs off?): its arguments are recorded as ""',
      "AI SDK span ai.toolCall (tool weather) has no ai.toolCall.result (recordOutputs off, or the tool returned undefined): the call has no result event",
      "AI SDK span ai.toolCall has no ai.toolCall.name",
      'AI SDK span ai.toolCall has no ai.toolCall.args (recordOutputs off?): its arguments are recorded as ""',
      "AI SDK span ai.toolCall failed without an exception event: the error's type is unknown",
      "AI SDK span ai.generateText.doGenerate has neither ai.response.text nor ai.response.toolCalls (recordOutputs off?): the response is recorded without content",
    ]);
  });
});
