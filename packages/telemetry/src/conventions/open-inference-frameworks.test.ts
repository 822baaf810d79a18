import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { spansToTrace } from "../convert/spans-to-trace.js";
import type { Attributes } from "../spans/span-data.js";
import { span } from "../spans/span-fixtures.test-helper.js";
import { OpenInferenceConvention } from "./open-inference-convention.js";

const conventions = [OpenInferenceConvention];
const CALLS = "llm.output_messages.0.message.tool_calls.0.tool_call";

/** A LangChain object as `toJSON()` serializes it. */
const lc = (type: string, kwargs: object) => ({
  lc: 1,
  type: "constructor",
  id: ["langchain_core", "messages", type],
  kwargs,
});

function llm(id: string, start: number, attributes: Attributes) {
  return span("ChatOpenAI", id, "root", start, start + 1, {
    "openinference.span.kind": "LLM",
    ...attributes,
  });
}

function traced(spans: Parameters<typeof spansToTrace>[0]) {
  const warnings: string[] = [];
  const trace = spansToTrace(spans, { conventions, onWarning: (m) => warnings.push(m) });
  return { trace, warnings };
}

describe("OpenInferenceConvention on framework spans", () => {
  it("reads an Agents SDK tool step: the model's call, the tool span matched to its id", () => {
    const { trace, warnings } = traced([
      llm("l1", 1, {
        [`${CALLS}.id`]: "call_1",
        [`${CALLS}.function.name`]: "get_weather",
        [`${CALLS}.function.arguments`]: '{"city":"Paris"}',
        "llm.finish_reason": "tool_calls",
        "llm.token_count.prompt": 52,
        "llm.token_count.completion": 9,
      }),
      span("get_weather", "t1", "root", 3, 4, {
        "openinference.span.kind": "TOOL",
        "tool.name": "get_weather",
        "input.value": '{"city":"Paris"}',
        "output.value": "sunny, 24°C",
      }),
    ]);
    const [response] = trace.eventsOf("ModelResponse");
    assert.equal(response?.content, null);
    assert.equal(response?.finishReason, "tool_calls");
    assert.deepEqual(response?.toolCalls, [
      { id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' },
    ]);
    const [call] = trace.eventsOf("ToolCallEvent");
    assert.equal(call?.id, "call_1", "the span had no id: the model's request gives it");
    assert.deepEqual(
      trace
        .eventsOf("ToolResultEvent")
        .map((r) => [r.parentId, "result" in r ? r.result : r.error]),
      [["call_1", "sunny, 24°C"]],
    );
    assert.deepEqual(warnings, []);
  });

  it("reads a LangChain tool step: ids from the serialized messages, the ToolMessage's text, arguments as an object", () => {
    const message = lc("AIMessage", {
      content: "",
      tool_calls: [{ name: "get_weather", args: { city: "Paris" }, id: "call_9" }],
    });
    const { trace } = traced([
      llm("l1", 1, {
        "llm.output_messages.0.message.content": "",
        [`${CALLS}.function.name`]: "get_weather",
        [`${CALLS}.function.arguments`]: '{"city":"Paris"}',
        "output.value": JSON.stringify({ generations: [[{ text: "", message }]] }),
        "llm.token_count.prompt": 52,
        "llm.token_count.completion": 9,
      }),
      span("get_weather", "t1", "root", 3, 4, {
        "openinference.span.kind": "TOOL",
        "tool.name": "get_weather",
        // one string field: OpenInference writes the bare value
        "input.value": "Paris",
        "output.value": JSON.stringify({
          output: lc("ToolMessage", { content: "sunny, 24°C", tool_call_id: "call_9" }),
        }),
      }),
    ]);
    const [response] = trace.eventsOf("ModelResponse");
    assert.equal(response?.content, null, "LangChain's empty text beside tool calls is no answer");
    assert.equal(response?.toolCalls?.[0]?.id, "call_9");
    const [call] = trace.eventsOf("ToolCallEvent");
    assert.deepEqual([call?.id, JSON.parse(call?.arguments ?? "")], ["call_9", { city: "Paris" }]);
    assert.deepEqual(trace.eventsOf("ToolResultEvent")[0], {
      type: "ToolResultEvent",
      parentId: "call_9",
      name: "get_weather",
      result: "sunny, 24°C",
      createdAt: trace.eventsOf("ToolCallEvent")[0]?.createdAt,
    });
  });

  it("keeps what a span has and names what it lacks: no usage, no result, no tool name", () => {
    const { trace, warnings } = traced([
      llm("l1", 1, { "llm.output_messages.0.message.content": "Hi" }),
      span("lookup", "t1", "root", 3, 4, {
        "openinference.span.kind": "TOOL",
        "input.value": "{}",
      }),
      span("bare", "t2", "root", 5, 6, { "openinference.span.kind": "TOOL", "tool.name": "bare" }),
    ]);
    const [response] = trace.eventsOf("ModelResponse");
    assert.equal(response?.content, "Hi");
    assert.equal(response?.usage, undefined, "no usage is not zero usage");
    assert.deepEqual(
      trace.events.map((e) => [e.type, "arguments" in e ? e.arguments : ""]),
      [
        ["ModelResponse", ""],
        ["ToolCallEvent", "{}"],
        ["ToolCallEvent", ""],
      ],
      "no result event is made up, and no arguments either",
    );
    assert.deepEqual(warnings, [
      'OpenInference LLM span "ChatOpenAI" has no token counts (llm.token_count.*)',
      'OpenInference TOOL span "lookup" has no tool.name',
      'OpenInference TOOL span "lookup" has no result (output.value): the call has no result event',
      'OpenInference TOOL span "bare" has no arguments (tool.parameters, input.value)',
      'OpenInference TOOL span "bare" has no result (output.value): the call has no result event',
    ]);
  });

  it("turns a failed tool span into a tool error with its message, and warns of nothing", () => {
    const { trace, warnings } = traced([
      span(
        "get_weather",
        "t1",
        null,
        3,
        4,
        {
          "openinference.span.kind": "TOOL",
          "tool.name": "get_weather",
          "input.value": '{"city":"Atlantis"}',
        },
        {
          status: "ERROR",
          events: [{ name: "exception", attributes: { "exception.message": "no weather" } }],
        },
      ),
    ]);
    assert.deepEqual(
      trace
        .eventsOf("ToolResultEvent")
        .map((e) => [e.type, e.type === "ToolErrorEvent" ? e.error.message : ""]),
      [["ToolErrorEvent", "no weather"]],
    );
    assert.deepEqual(warnings, []);
  });
});
