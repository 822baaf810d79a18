import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RunResult, runAgent } from "@ag2/eval-core";
import { otelTracing } from "@ag2/eval-telemetry";
import { type ChatScript, isFailure, weatherScript } from "@ag2/mock-openai";
import {
  serverForSuite,
  type WeatherAgentOptions,
  weatherAgent,
} from "./weather-agent.test-helper.js";

const PARIS = [{ task_id: "paris", inputs: { input: "What is the weather in Paris?" } }];

/** The weather conversation with every usage left out of the replies. */
const withoutUsage: ChatScript = (request) => {
  const reply = weatherScript()(request);
  return isFailure(reply) ? reply : { ...reply, usage: undefined };
};

describe("an AI SDK run whose spans lack what the SDK normally records", () => {
  const server = serverForSuite();

  const run = (options: Omit<WeatherAgentOptions, "baseURL">): Promise<RunResult> =>
    runAgent(PARIS, {
      agent: weatherAgent({ baseURL: server.baseURL, ...options }),
      scorers: [],
      store: null,
      tracing: otelTracing(),
    });

  it("without usage: the events are there, no tokens are made up, and the warning says so", async () => {
    server.play(withoutUsage);
    const result = await run({});
    const [task] = result.tasks;
    assert.deepEqual(
      task?.trace.events.map((event) => event.type),
      ["ModelResponse", "ToolCallEvent", "ToolResultEvent", "ModelResponse"],
    );
    assert.equal(task?.trace.tokens.total, 0);
    assert.deepEqual(
      task?.trace.eventsOf("ModelResponse").map((response) => response.usage),
      [undefined, undefined],
    );
    assert.deepEqual(result.warnings, [
      "AI SDK span ai.generateText.doGenerate has no token usage (ai.usage.*): its tokens are not counted",
    ]);
  });

  it("a tool that returned nothing: the call without an invented result, and a warning", async () => {
    server.play(weatherScript());
    const result = await run({ execute: () => undefined });
    const [task] = result.tasks;
    assert.deepEqual(
      task?.trace.events.map((event) => event.type),
      ["ModelResponse", "ToolCallEvent", "ModelResponse"],
    );
    assert.deepEqual(result.warnings, [
      "AI SDK span ai.toolCall (tool get_weather) has no ai.toolCall.result (recordOutputs off, or the tool returned undefined): the call has no result event",
    ]);
  });

  it("a tool that threw: a tool error with its type and message, no crash, no warning", async () => {
    server.play(weatherScript());
    const result = await run({
      execute: (city) => {
        throw new RangeError(`no station in ${city}`);
      },
    });
    const [task] = result.tasks;
    assert.equal(task?.trace.exception, null, "the SDK hands the error to the model");
    const [failure] = task?.trace.eventsOf("ToolErrorEvent") ?? [];
    assert.deepEqual(
      failure?.type === "ToolErrorEvent" && [
        failure.name,
        failure.error.type,
        failure.error.message,
      ],
      ["get_weather", "RangeError", "no station in Paris"],
    );
    assert.deepEqual(result.warnings, []);
  });

  it("recordOutputs off: the calls stay, and the warnings name each missing output", async () => {
    server.play(weatherScript());
    const result = await run({ telemetry: { recordOutputs: false } });
    const [task] = result.tasks;
    assert.deepEqual(
      task?.trace.events.map((event) => event.type),
      ["ModelResponse", "ToolCallEvent", "ModelResponse"],
    );
    // the SDK records a tool's arguments as an output too
    assert.equal(task?.trace.eventsOf("ToolCallEvent")[0]?.arguments, "");
    assert.equal(task?.trace.tokens.total, 52 + 9 + 81 + 14, "usage is not an output");
    assert.deepEqual(result.warnings, [
      "AI SDK span ai.generateText.doGenerate has neither ai.response.text nor ai.response.toolCalls (recordOutputs off?): the response is recorded without content",
      'AI SDK span ai.toolCall (tool get_weather) has no ai.toolCall.args (recordOutputs off?): its arguments are recorded as ""',
      "AI SDK span ai.toolCall (tool get_weather) has no ai.toolCall.result (recordOutputs off, or the tool returned undefined): the call has no result event",
    ]);
  });
});
