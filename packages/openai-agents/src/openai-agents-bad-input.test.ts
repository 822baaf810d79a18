import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertToolErrorHandled, eventLines, runOnMock, weatherScript } from "@ag2/mock-openai";
import { tool } from "@openai/agents";
import { z } from "zod";
import { openAIAgentsAgent } from "./openai-agents-agent.js";
import { weatherAgent } from "./weather-agent.test-helper.js";

describe("openAIAgentsAgent on incomplete spans", () => {
  it("keeps a model call that reported no usage, without made-up counts, and warns on the run", async () => {
    const result = await runOnMock({
      agent: (mock) => openAIAgentsAgent(weatherAgent(mock)),
      script: weatherScript({ usage: false }),
    });
    const trace = result.tasks[0]!.trace;
    assert.deepEqual(eventLines(trace), [
      'model get_weather{"city":"Paris"} -/-',
      'call get_weather{"city":"Paris"}',
      "result get_weather sunny, 24°C",
      'model "The weather in Paris: sunny, 24°C." -/-',
    ]);
    assert.equal(trace.tokens.total, 0);
    assert.deepEqual(result.warnings, [
      'OpenInference LLM span "generation" has no token counts (llm.token_count.*)',
    ]);
  });

  it("records a tool that threw as a tool error and the run goes on", async () => {
    const broken = tool({
      name: "get_weather",
      description: "Current weather in a city.",
      parameters: z.object({ city: z.string() }),
      execute: async () => {
        throw new Error("weather service down");
      },
    });
    const result = await runOnMock({
      agent: (mock) => openAIAgentsAgent(weatherAgent(mock, { tools: [broken] })),
    });
    assertToolErrorHandled(result, /^error get_weather .*weather service down/);
  });
});
