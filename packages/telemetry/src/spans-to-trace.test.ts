import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AG2GenAIConvention } from "./ag2-genai-convention.js";
import { AISDKConvention } from "./ai-sdk-convention.js";
import { OpenInferenceConvention } from "./open-inference-convention.js";
import type { Attributes, SpanData, SpanEvent } from "./span-data.js";
import { spansToTrace } from "./spans-to-trace.js";

const MS = 1_000_000n;
const T0 = 1_795_682_347_000_000_000n;

function span(name: string, id: string, parent: string | null, startMs: number, endMs: number, attributes: Attributes, extra: { status?: "OK" | "ERROR"; events?: SpanEvent[] } = {}): SpanData {
  return { name, spanId: id, parentId: parent, startNs: T0 + BigInt(startMs) * MS, endNs: T0 + BigInt(endMs) * MS, attributes, status: extra.status ?? "UNSET", events: extra.events ?? [] };
}

const quiet = { onWarning: () => {} };

describe("spansToTrace", () => {
  it("reads AG2 Python spans with the reference's older attribute names", () => {
    const trace = spansToTrace([
      span("chat", "b", "a", 1, 5, { "ag2.span.type": "llm", "gen_ai.system": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.prompt_tokens": 11, "gen_ai.usage.completion_tokens": 4, "gen_ai.usage.cache_creation_input_tokens": 2, "gen_ai.usage.thinking_tokens": 1, "gen_ai.response.finish_reasons": ["tool_calls"] }),
      span("invoke_agent a", "a", null, 0, 250, { "ag2.span.type": "agent" }),
      span("execute_tool get_weather", "c", "a", 6, 8, { "ag2.span.type": "tool", "gen_ai.tool.name": "get_weather", "gen_ai.tool.call.id": "call_1", "gen_ai.tool.call.arguments": '{"city":"Tokyo"}', "gen_ai.tool.call.result": "sunny" }),
      span("chat gpt-4o", "d", "a", 9, 12, { "ag2.span.type": "llm", "gen_ai.response.model": "gpt-4o-2024", "gen_ai.output.messages": JSON.stringify([{ content: "Tokyo is sunny.", role: "assistant" }]), "gen_ai.response.finish_reasons": "stop" }),
    ]);
    assert.deepEqual(trace.events.map((e) => e.type), ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"]);
    const [first, second] = trace.eventsOf("ModelResponse");
    assert.deepEqual(first?.usage, { inputTokens: 11, outputTokens: 4, cacheCreationInputTokens: 2, thinkingTokens: 1 });
    assert.equal(first?.content, null);
    assert.equal(first?.provider, "openai");
    assert.equal(first?.model, "gpt-4o");
    assert.equal(first?.finishReason, "tool_calls");
    assert.equal(second?.content, "Tokyo is sunny.");
    assert.equal(second?.model, "gpt-4o-2024");
    assert.equal(second?.finishReason, "stop");
    const [result] = trace.eventsOf("ToolResultEvent");
    assert.deepEqual(result, { type: "ToolResultEvent", parentId: "call_1", name: "get_weather", result: "sunny", createdAt: Number(T0 / MS) + 6 });
    assert.equal(trace.durationMs, 250, "duration of the root agent span");
    assert.equal(trace.tokens.total, 15);
  });

  it("takes the root error with its type, and ignores a handled tool error", () => {
    const exception = (type: string, message: string): SpanEvent => ({ name: "exception", attributes: { "exception.type": type, "exception.message": message } });
    const failed = spansToTrace([
      span("invoke_agent a", "a", null, 0, 10, { "ag2.span.type": "agent" }, { status: "ERROR", events: [exception("TimeoutError", "model took too long")] }),
      span("chat", "b", "a", 1, 9, { "ag2.span.type": "llm" }, { status: "ERROR", events: [exception("TimeoutError", "model took too long")] }),
    ]);
    assert.deepEqual(failed.exception, { type: "TimeoutError", message: "model took too long" });
    assert.equal(failed.eventsOf("ModelResponse").length, 1, "a failed model call still gives a response");
    const onlyErrorType = spansToTrace([span("invoke_agent a", "a", null, 0, 10, { "ag2.span.type": "agent", "error.type": "RateLimited" }, { status: "ERROR" })], quiet);
    assert.deepEqual(onlyErrorType.exception, { type: "RateLimited", message: "" });
    const handled = spansToTrace([
      span("invoke_agent a", "a", null, 0, 10, { "ag2.span.type": "agent" }),
      span("execute_tool t", "b", "a", 1, 2, { "ag2.span.type": "tool", "gen_ai.tool.call.id": "c1" }, { status: "ERROR", events: [exception("ValueError", "bad input")] }),
    ]);
    assert.equal(handled.exception, null);
    const [error] = handled.eventsOf("ToolErrorEvent");
    assert.deepEqual(error?.error, { type: "ValueError", message: "bad input" });
    assert.equal(error?.name, "t", "name from the span name when gen_ai.tool.name is missing");
    assert.equal(handled.eventsOf("ToolCallEvent")[0]?.arguments, "{}");
  });

  it("reads AI SDK 7 GenAI spans without counting the root's aggregated usage", () => {
    const trace = spansToTrace([
      span("invoke_agent mock", "r", null, 0, 30, { "gen_ai.operation.name": "invoke_agent", "gen_ai.usage.input_tokens": 30, "gen_ai.usage.output_tokens": 12 }),
      span("step 1", "s1", "r", 1, 15, { "gen_ai.operation.name": "agent_step" }),
      span("chat mock", "c1", "s1", 2, 5, { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 5, "gen_ai.usage.cache_creation.input_tokens": 4, "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "tool_call", id: "x1", name: "weather", arguments: { city: "Oslo" } }] }]), "gen_ai.response.finish_reasons": ["tool-calls"] }),
      span("execute_tool weather", "t1", "s1", 6, 8, { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "weather", "gen_ai.tool.call.id": "x1", "gen_ai.tool.call.arguments": '{"city":"Oslo"}', "gen_ai.tool.call.result": '{"sky":"grey"}' }),
      span("step 2", "s2", "r", 16, 29, { "gen_ai.operation.name": "agent_step" }),
      span("chat mock", "c2", "s2", 17, 28, { "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 20, "gen_ai.usage.output_tokens": 7, "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Grey in " }, { type: "text", content: "Oslo." }] }]) }),
    ]);
    assert.deepEqual(trace.events.map((e) => e.type), ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"]);
    assert.deepEqual(trace.tokens, { input: 30, output: 12, cacheCreation: 4, cacheRead: 0, total: 42 });
    const [first, second] = trace.eventsOf("ModelResponse");
    assert.deepEqual(first?.toolCalls, [{ id: "x1", name: "weather", arguments: '{"city":"Oslo"}' }]);
    assert.equal(second?.content, "Grey in Oslo.");
    assert.equal(trace.durationMs, 30);
  });

  it("reads AI SDK 6 ai.* spans: usage per model call, tool outcome, nothing from the aggregated root", () => {
    const trace = spansToTrace([
      span("ai.generateText", "g", null, 0, 40, { "ai.operationId": "ai.generateText", "ai.usage.inputTokens": 30, "ai.usage.outputTokens": 12, "ai.response.text": "Done." }),
      span("ai.generateText.doGenerate", "d1", "g", 1, 5, { "ai.operationId": "ai.generateText.doGenerate", "ai.model.provider": "openai.chat", "ai.model.id": "gpt-4o", "ai.response.toolCalls": JSON.stringify([{ toolCallId: "c1", toolName: "lookup", input: '{"q":"x"}' }]), "ai.response.finishReason": "tool-calls", "ai.usage.inputTokens": 10, "ai.usage.outputTokens": 5, "ai.usage.inputTokenDetails.cacheReadTokens": 2, "gen_ai.usage.input_tokens": 10 }),
      span("ai.toolCall", "t", "g", 6, 7, { "ai.operationId": "ai.toolCall", "ai.toolCall.name": "lookup", "ai.toolCall.id": "c1", "ai.toolCall.args": '{"q":"x"}' }, { status: "ERROR", events: [{ name: "exception", attributes: { "exception.type": "AI_ToolExecutionError", "exception.message": "lookup failed" } }] }),
      span("ai.generateText.doGenerate", "d2", "g", 8, 39, { "ai.operationId": "ai.generateText.doGenerate", "ai.response.text": "Done.", "ai.response.model": "gpt-4o-2024", "ai.usage.inputTokens": 20, "ai.usage.outputTokens": 7 }),
    ]);
    assert.deepEqual(trace.events.map((e) => e.type), ["ModelResponse", "ToolCallEvent", "ToolErrorEvent", "ModelResponse"]);
    assert.deepEqual(trace.tokens, { input: 30, output: 12, cacheCreation: 0, cacheRead: 2, total: 42 });
    const [first, second] = trace.eventsOf("ModelResponse");
    assert.deepEqual(first?.toolCalls, [{ id: "c1", name: "lookup", arguments: '{"q":"x"}' }]);
    assert.deepEqual([first?.provider, first?.model, first?.finishReason, first?.content], ["openai.chat", "gpt-4o", "tool-calls", null]);
    assert.deepEqual([second?.content, second?.model], ["Done.", "gpt-4o-2024"]);
    assert.equal(trace.eventsOf("ToolErrorEvent")[0]?.error.type, "AI_ToolExecutionError");
    assert.equal(trace.exception, null);
    assert.equal(trace.durationMs, 40, "the ai.generateText root gives the duration");
  });

  it("reads OpenInference spans", () => {
    const trace = spansToTrace([
      span("agent", "a", null, 0, 20, { "openinference.span.kind": "AGENT" }),
      span("llm", "l", "a", 1, 5, { "openinference.span.kind": "LLM", "llm.model_name": "claude", "llm.provider": "anthropic", "llm.token_count.prompt": 8, "llm.token_count.completion": 3, "llm.output_messages.0.message.content": "Hi" }),
      span("tool", "t", "a", 6, 7, { "openinference.span.kind": "TOOL", "tool.name": "search", "input.value": { q: "cats" }, "output.value": "3 cats" }),
      span("chain", "c", "a", 8, 9, { "openinference.span.kind": "CHAIN" }),
    ], { conventions: [OpenInferenceConvention] });
    assert.deepEqual(trace.events.map((e) => e.type), ["ModelResponse", "ToolCallEvent", "ToolResultEvent"]);
    const [response] = trace.eventsOf("ModelResponse");
    assert.deepEqual([response?.content, response?.model, response?.provider], ["Hi", "claude", "anthropic"]);
    assert.deepEqual(response?.usage, { inputTokens: 8, outputTokens: 3 });
    assert.equal(trace.eventsOf("ToolCallEvent")[0]?.arguments, '{"q":"cats"}');
    assert.deepEqual(trace.eventsOf("ToolResultEvent")[0], { type: "ToolResultEvent", parentId: trace.eventsOf("ToolCallEvent")[0]?.id, name: "search", result: "3 cats", createdAt: Number(T0 / MS) + 6 });
  });

  it("tries conventions in order and skips spans nobody recognizes", () => {
    const spans = [span("ai.generateText.doGenerate", "d", null, 0, 1, { "ai.operationId": "ai.generateText.doGenerate", "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 1, "ai.usage.inputTokens": 99 }), span("GET /x", "h", null, 2, 3, { "http.method": "GET" })];
    assert.equal(spansToTrace(spans).tokens.input, 1, "GenAI comes first by default");
    assert.equal(spansToTrace(spans, { conventions: [AISDKConvention, AG2GenAIConvention] }).tokens.input, 99);
    assert.equal(spansToTrace(spans).events.length, 1);
  });

  it("dedupes spans by id, prefers the agent root, and warns when no event comes out", () => {
    const chat = span("chat", "c", "r", 1, 2, { "ag2.span.type": "llm" });
    const trace = spansToTrace([span("other", "o", null, 0, 500, {}), span("invoke_agent x", "r", null, 1, 101, { "ag2.span.type": "agent" }), chat, chat]);
    assert.equal(trace.events.length, 1);
    assert.equal(trace.durationMs, 100);
    assert.equal(spansToTrace([chat], { durationMs: 7 }).durationMs, 7);
    const warnings: string[] = [];
    const empty = spansToTrace([span("GET /", "h", null, 0, 1, {})], { onWarning: (m) => warnings.push(m) });
    assert.deepEqual(warnings, ["reconstructed 0 events from 1 span(s)"]);
    assert.equal(empty.durationMs, 1);
    assert.equal(spansToTrace([], { onWarning: (m) => warnings.push(m) }).durationMs, 0);
    assert.equal(warnings.length, 1, "no warning without spans");
  });
});
