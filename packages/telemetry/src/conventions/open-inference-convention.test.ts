import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { spansToTrace } from "../convert/spans-to-trace.js";
import { MS, span, T0 } from "../spans/span-fixtures.test-helper.js";
import { OpenInferenceConvention } from "./open-inference-convention.js";

describe("OpenInferenceConvention", () => {
  it("reads OpenInference spans", () => {
    const trace = spansToTrace(
      [
        span("agent", "a", null, 0, 20, { "openinference.span.kind": "AGENT" }),
        span("llm", "l", "a", 1, 5, {
          "openinference.span.kind": "LLM",
          "llm.model_name": "claude",
          "llm.provider": "anthropic",
          "llm.token_count.prompt": 8,
          "llm.token_count.completion": 3,
          "llm.output_messages.0.message.content": "Hi",
        }),
        span("tool", "t", "a", 6, 7, {
          "openinference.span.kind": "TOOL",
          "tool.name": "search",
          "input.value": { q: "cats" },
          "output.value": "3 cats",
        }),
        span("chain", "c", "a", 8, 9, { "openinference.span.kind": "CHAIN" }),
      ],
      { conventions: [OpenInferenceConvention] },
    );
    assert.deepEqual(
      trace.events.map((e) => e.type),
      ["ModelResponse", "ToolCallEvent", "ToolResultEvent"],
    );
    const [response] = trace.eventsOf("ModelResponse");
    assert.deepEqual(
      [response?.content, response?.model, response?.provider],
      ["Hi", "claude", "anthropic"],
    );
    assert.deepEqual(response?.usage, { inputTokens: 8, outputTokens: 3 });
    assert.equal(trace.eventsOf("ToolCallEvent")[0]?.arguments, '{"q":"cats"}');
    assert.deepEqual(trace.eventsOf("ToolResultEvent")[0], {
      type: "ToolResultEvent",
      parentId: trace.eventsOf("ToolCallEvent")[0]?.id,
      name: "search",
      result: "3 cats",
      createdAt: Number(T0 / MS) + 6,
    });
  });
});
