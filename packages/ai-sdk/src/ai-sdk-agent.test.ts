import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RunAgentOptions, runAgent, Suite } from "@ag2/eval-core";
import { otelTracing } from "@ag2/eval-telemetry";
import { type ChatScript, WEATHER_REPORTS, weatherAnswer, weatherScript } from "@ag2/mock-openai";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { AiSdkRunContext } from "./ai-sdk-agent.js";
import { serverForSuite, weatherAgent } from "./weather-agent.test-helper.js";

const suite = Suite.fromList(
  ["Paris", "Lima"].map((city) => ({
    task_id: city.toLowerCase(),
    inputs: { input: `What is the weather in ${city}?` },
  })),
);

/** The weather conversation, with `failures` answered instead of its first requests. */
function failingFirst(...failures: ReturnType<ChatScript>[]): ChatScript {
  const script = weatherScript();
  let first: number | undefined;
  return (request) => {
    first ??= request.index;
    return failures[request.index - first] ?? script(request);
  };
}

describe("aiSdkAgent under runAgent and otelTracing", () => {
  const server = serverForSuite();
  const base = (): Pick<RunAgentOptions, "scorers" | "store"> => ({ scorers: [], store: null });

  for (const stream of [false, true]) {
    it(`makes the SDK's ${stream ? "streamText" : "generateText"} spans the task's trace, under the agent's turn`, async () => {
      server.play(weatherScript());
      const exporter = new InMemorySpanExporter();
      const seen: AiSdkRunContext[] = [];
      const config = { model: "for-paris" };
      const result = await runAgent(suite, {
        ...base(),
        agent: weatherAgent({ baseURL: server.baseURL, stream, seen }),
        concurrency: 2,
        modelConfig: { paris: config },
        taskTimeoutMs: 30_000,
        tracing: otelTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
      });
      assert.deepEqual(result.warnings, []);
      for (const task of result.tasks) {
        const city = task.task.taskId === "paris" ? "Paris" : "Lima";
        const { trace } = task;
        assert.deepEqual(
          trace.events.map((event) => event.type),
          ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"],
        );
        const [toolResult] = trace.eventsOf("ToolResultEvent");
        assert.equal(
          toolResult?.type === "ToolResultEvent" && toolResult.result,
          WEATHER_REPORTS[city],
        );
        assert.equal(
          trace.eventsOf("ModelResponse")[1]?.content,
          weatherAnswer(city, WEATHER_REPORTS[city] ?? ""),
        );
        assert.equal(trace.tokens.total, 52 + 9 + 81 + 14);
        const own = exporter
          .getFinishedSpans()
          .filter((span) => span.spanContext().traceId === task.traceRef?.traceId);
        const turn = own.find((span) => span.name === "invoke_agent weather");
        const root = own.find(
          (span) => span.name === (stream ? "ai.streamText" : "ai.generateText"),
        );
        assert.ok(turn && root, own.map((span) => span.name).join(", "));
        assert.equal(root.parentSpanContext?.spanId, turn.spanContext().spanId);
        assert.equal(root.attributes["ai.telemetry.functionId"], "weather");
      }
      assert.equal(seen.length, 2);
      for (const context of seen) {
        assert.ok(context.signal instanceof AbortSignal, "the task's signal reaches run");
        assert.equal(context.telemetry.isEnabled, true);
        assert.ok(context.telemetry.tracer);
      }
      assert.deepEqual(seen.map((context) => context.config).filter(Boolean), [config]);
    });
  }

  it("records what the SDK threw on the task, with its error type", async () => {
    server.play(
      failingFirst(
        { status: 400, message: "bad request" },
        { status: 400, message: "bad request" },
      ),
    );
    const result = await runAgent(suite, {
      ...base(),
      agent: weatherAgent({ baseURL: server.baseURL }),
      concurrency: 1,
      tracing: otelTracing(),
    });
    for (const task of result.tasks) {
      assert.equal(task.trace.exception?.type, "AI_APICallError");
      assert.match(task.trace.exception?.message ?? "", /bad request/);
    }
    assert.deepEqual(result.warnings, [], "a failed task is no empty-trace warning");
  });

  it("is retried by runAgent on a 429, after the wait the server asked for", async () => {
    server.play(
      failingFirst({ status: 429, headers: { "retry-after": "2" }, message: "slow down" }),
    );
    const sleeps: number[] = [];
    const result = await runAgent(
      suite.tasks.slice(0, 1).map((task) => ({ task_id: task.taskId, inputs: task.inputs })),
      {
        ...base(),
        agent: weatherAgent({ baseURL: server.baseURL }),
        tracing: otelTracing(),
        retries: {
          attempts: 2,
          random: () => 0,
          sleep: async (ms) => {
            sleeps.push(ms);
          },
        },
      },
    );
    const [task] = result.tasks;
    assert.equal(task?.trace.exception, null);
    assert.equal(task?.trace.eventsOf("ToolCallEvent").length, 1);
    assert.deepEqual(sleeps, [2000]);
    assert.deepEqual(
      task?.attempts?.map((attempt) => attempt.error?.type ?? null),
      ["AI_APICallError", null],
    );
  });
});
