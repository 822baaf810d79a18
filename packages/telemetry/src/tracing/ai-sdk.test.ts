import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Agent, type Middleware, runAgent, Suite } from "@ag2/eval-core";
import { runHook } from "@ag2/eval-core/internal";
import type { Tracer } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { generateText, stepCountIs, tool } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { z } from "zod";
import { EMPTY_ANSWER, otelTracing } from "./otel-tracing.js";

const usage = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: output, text: output, reasoning: 0 },
});

/** An agent built on the AI SDK: its own spans go to the per-task tracer it is handed. */
function aiSdkAgent(wiring: { tracer: boolean } = { tracer: true }): Agent {
  return {
    name: "ai-sdk-weather",
    async ask(input, options: { middleware?: readonly Middleware[]; tracer?: unknown } = {}) {
      const city = input.split(" ").at(-1)?.replace("?", "") ?? "";
      const model = new MockLanguageModelV3({
        doGenerate: [
          {
            content: [
              {
                type: "tool-call",
                toolCallId: `call-${city}`,
                toolName: "weather",
                input: JSON.stringify({ city }),
              },
            ],
            finishReason: { unified: "tool-calls", raw: "tool_calls" },
            usage: usage(10, 5),
            warnings: [],
          },
          {
            content: [{ type: "text", text: `${city} is sunny.` }],
            finishReason: { unified: "stop", raw: "stop" },
            usage: usage(20, 7),
            warnings: [],
          },
        ],
      });
      const turn = await runHook(
        options.middleware ?? [],
        "onTurn",
        { agentName: "ai-sdk-weather", input },
        async () => {
          const result = await generateText({
            model,
            prompt: input,
            stopWhen: stepCountIs(3),
            tools: {
              weather: tool({
                description: "Current weather",
                inputSchema: z.object({ city: z.string() }),
                execute: async ({ city: name }) => ({ city: name, sky: "sunny" }),
              }),
            },
            experimental_telemetry: wiring.tracer
              ? { isEnabled: true, tracer: options.tracer as Tracer }
              : undefined,
          });
          return { content: result.text };
        },
      );
      return turn.content;
    },
  };
}

describe("an AI SDK 6 agent run by runAgent under otelTracing", () => {
  it("has its model calls, tool call with arguments and result, and tokens counted once", async () => {
    const spans = new InMemorySpanExporter();
    const suite = Suite.fromList([
      { task_id: "tokyo", inputs: { input: "Weather in Tokyo?" } },
      { task_id: "lima", inputs: { input: "Weather in Lima?" } },
    ]);
    const result = await runAgent(suite, {
      agent: aiSdkAgent(),
      scorers: [],
      store: null,
      concurrency: 2,
      tracing: otelTracing({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
    });
    for (const task of result.tasks) {
      const city = task.task.taskId === "tokyo" ? "Tokyo" : "Lima";
      const { trace } = task;
      assert.equal(trace.exception, null);
      assert.deepEqual(
        trace.events.map((e) => e.type),
        ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"],
      );
      const [first, second] = trace.eventsOf("ModelResponse");
      assert.deepEqual(first?.toolCalls, [
        { id: `call-${city}`, name: "weather", arguments: JSON.stringify({ city }) },
      ]);
      assert.equal(second?.content, `${city} is sunny.`);
      const [call] = trace.eventsOf("ToolCallEvent");
      assert.deepEqual(
        [call?.id, call?.name, JSON.parse(call?.arguments ?? "null")],
        [`call-${city}`, "weather", { city }],
      );
      const [toolResult] = trace.eventsOf("ToolResultEvent");
      assert.deepEqual(
        toolResult?.type === "ToolResultEvent" ? JSON.parse(toolResult.result) : null,
        { city, sky: "sunny" },
      );
      // The ai.generateText span also says 30/12 (the sum); counting it would give 60/24.
      assert.deepEqual(trace.tokens, {
        input: 30,
        output: 12,
        cacheCreation: 0,
        cacheRead: 0,
        total: 42,
      });
      const own = spans
        .getFinishedSpans()
        .filter((s) => s.spanContext().traceId === task.traceRef?.traceId);
      assert.deepEqual(own.map((s) => s.name).sort(), [
        "ai.generateText",
        "ai.generateText.doGenerate",
        "ai.generateText.doGenerate",
        "ai.toolCall",
        "invoke_agent ai-sdk-weather",
      ]);
      const root = own.find((s) => s.name.startsWith("invoke_agent"));
      const generate = own.find((s) => s.name === "ai.generateText");
      assert.equal(
        generate?.parentSpanContext?.spanId,
        root?.spanContext().spanId,
        "AI SDK spans nest under the turn",
      );
    }
    assert.equal(result.tasks[0]?.task.taskId, "tokyo");
  });
});

describe("a task whose agent answered with an empty trace", () => {
  const suite = Suite.fromList([
    { task_id: "tokyo", inputs: { input: "Weather in Tokyo?" } },
    { task_id: "lima", inputs: { input: "Weather in Lima?" } },
  ]);

  it("is a run warning naming the fix, once for every task, when the tracer was not handed on", async () => {
    const heard: string[] = [];
    const result = await runAgent(suite, {
      agent: aiSdkAgent({ tracer: false }),
      scorers: [],
      store: null,
      tracing: otelTracing({ onWarning: (message) => heard.push(message) }),
    });
    // the turn span is there, but nothing of the SDK's reached the task's tracer
    assert.deepEqual(result.tasks[0]?.trace.events, []);
    assert.deepEqual(result.warnings, [`${EMPTY_ANSWER} (in 2 tasks)`]);
    assert.match(EMPTY_ANSWER, /options\.tracer.*aiSdkAgent/);
    assert.deepEqual(heard, [EMPTY_ANSWER, EMPTY_ANSWER]);
  });

  it("is no warning for an agent with no spans that failed: the failure is on the task", async () => {
    const result = await runAgent(suite, {
      agent: {
        name: "broken",
        ask: async () => {
          throw new Error("no model");
        },
      },
      scorers: [],
      store: null,
      tracing: otelTracing(),
    });
    assert.deepEqual(result.warnings, []);
    assert.equal(result.tasks[0]?.trace.exception?.message, "no model");
  });
});
