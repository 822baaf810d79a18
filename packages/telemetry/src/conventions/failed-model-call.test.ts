import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Agent, runAgent } from "@ag2/eval-core";
import { runHook } from "@ag2/eval-core/internal";
import type { Tracer } from "@opentelemetry/api";
import { APICallError, generateText } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { spansToTrace } from "../convert/spans-to-trace.js";
import { span } from "../spans/span-fixtures.test-helper.js";
import { otelTracing } from "../tracing/otel-tracing.js";
import { startTracedTask } from "../tracing/traced-task.test-helper.js";

/** An AI SDK agent whose model always fails with a retryable 503 (the SDK asks twice). */
const failingAiSdkAgent: Agent = {
  name: "ai-sdk-failing",
  async ask(input, options: { tracer?: unknown } = {}) {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new APICallError({
          message: "503 overloaded",
          url: "http://model.test",
          requestBodyValues: {},
          statusCode: 503,
          isRetryable: true,
        });
      },
    });
    const result = await generateText({
      model,
      prompt: input,
      maxRetries: 1,
      experimental_telemetry: { isEnabled: true, tracer: options.tracer as Tracer },
    });
    return result.text;
  },
};

const failure = {
  status: "ERROR" as const,
  events: [
    {
      name: "exception",
      timeNs: 0n,
      attributes: { "exception.type": "RateLimitError", "exception.message": "429 slow down" },
    },
  ],
};

describe("a failed model call is never a model response", () => {
  it("gives no ModelResponse for an errored GenAI, AI SDK or OpenInference model span", () => {
    const failedSpans = [
      span(
        "chat m1",
        "c1",
        "r",
        1,
        2,
        { "ag2.span.type": "llm", "gen_ai.request.model": "m1" },
        failure,
      ),
      span("chat m1", "c2", "r", 1, 2, { "gen_ai.operation.name": "chat" }, failure),
      span("ai.generateText.doGenerate", "c3", "r", 1, 2, { "ai.model.id": "m1" }, failure),
      span("llm", "c4", "r", 1, 2, { "openinference.span.kind": "LLM" }, failure),
    ];
    for (const failed of failedSpans) {
      const trace = spansToTrace([
        span("invoke_agent a", "r", null, 0, 3, { "ag2.span.type": "agent" }, failure),
        failed,
      ]);
      assert.deepEqual(trace.events, [], failed.name);
      assert.equal(trace.exception?.type, "RateLimitError");
    }
  });

  it("keeps the answer of a retried call and drops the failed one", () => {
    const trace = spansToTrace([
      span("ai.generateText", "r", null, 0, 10, { "ai.operationId": "ai.generateText" }),
      span("ai.generateText.doGenerate", "c1", "r", 1, 2, { "ai.model.id": "m1" }, failure),
      span("ai.generateText.doGenerate", "c2", "r", 3, 9, {
        "ai.model.id": "m1",
        "ai.response.text": "done",
        "ai.usage.inputTokens": 3,
        "ai.usage.outputTokens": 1,
      }),
    ]);
    assert.deepEqual(
      trace.eventsOf("ModelResponse").map((event) => event.content),
      ["done"],
    );
    assert.equal(trace.exception, null);
  });

  it("records a model call that threw through TelemetryMiddleware as the task's error only", async () => {
    const { task } = startTracedTask("t1");
    let caught: unknown;
    try {
      await runHook(
        task.middleware,
        "onTurn",
        { agentName: "planner", input: "x", provider: "test", model: "m1" },
        () =>
          runHook(
            task.middleware,
            "onModelCall",
            {
              messages: [{ role: "user", content: "x" }],
              tools: [],
              provider: "test",
              model: "m1",
            },
            async () => {
              throw Object.assign(new Error("429 slow down"), { name: "RateLimitError" });
            },
          ),
      );
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof Error);
    const { trace } = await task.finish({ durationMs: 5, error: null });
    assert.deepEqual(trace.eventsOf("ModelResponse"), []);
    assert.equal(trace.exception?.type, "RateLimitError");
    assert.equal(trace.exception?.message, "429 slow down");
  });

  it("records an AI SDK agent whose model calls failed as an error without responses", async () => {
    const result = await runAgent([{ task_id: "t1", inputs: { input: "hi" } }], {
      agent: failingAiSdkAgent,
      scorers: [],
      store: null,
      tracing: otelTracing(),
    });
    const [task] = result.tasks;
    assert.deepEqual(task?.trace.eventsOf("ModelResponse"), []);
    assert.match(task?.trace.exception?.message ?? "", /503 overloaded/);
  });
});
