import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  assertToolErrorHandled,
  assertWeatherPair,
  eventLines,
  runOnMock,
  weatherQuestions,
  weatherScript,
} from "@ag2/mock-openai";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { langGraphAgent } from "./lang-graph-agent.js";
import { weatherGraph } from "./weather-graph.test-helper.js";

describe("langGraphAgent under runAgent", () => {
  it("grades each task from its own spans, two at a time: calls, usage, tool, answer", async () => {
    const result = await runOnMock({
      agent: (mock) => langGraphAgent(weatherGraph(mock), { name: "weather" }),
      suite: weatherQuestions(["Paris", "Oslo"]),
      concurrency: 2,
    });
    assertWeatherPair(result);
    assert.equal(result.target, "weather");
    assert.equal(
      process.env.LANGCHAIN_CALLBACKS_BACKGROUND,
      "false",
      "blocking callbacks, set for us",
    );
  });

  it("keeps a model call that reported no usage, without made-up counts, and warns on the run", async () => {
    const result = await runOnMock({
      agent: (mock) => langGraphAgent(weatherGraph(mock)),
      script: weatherScript({ usage: false }),
    });
    const trace = result.tasks[0]!.trace;
    assert.deepEqual(
      eventLines(trace).map((line) => line.split(" ").at(-1)),
      ["-/-", 'get_weather{"city":"Paris"}', "24°C", "-/-"],
    );
    assert.equal(trace.tokens.total, 0);
    assert.deepEqual(result.warnings, [
      'OpenInference LLM span "ChatOpenAI" has no token counts (llm.token_count.*)',
    ]);
  });

  it("records a tool that threw as a tool error; LangGraph tells the model and the run goes on", async () => {
    const broken = tool(
      async () => {
        throw new Error("weather service down");
      },
      {
        name: "get_weather",
        description: "Current weather in a city.",
        schema: z.object({ city: z.string() }),
      },
    );
    const result = await runOnMock({
      agent: (mock) => langGraphAgent(weatherGraph(mock, [broken])),
    });
    assertToolErrorHandled(result, /^error get_weather weather service down/);
  });
});
