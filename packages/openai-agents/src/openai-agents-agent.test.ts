import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runAgent, Suite } from "@ag2/eval-core";
import { otelTracing } from "@ag2/eval-telemetry";
import { startMockOpenAI, WEATHER_USAGE, weatherAnswer, weatherScript } from "@ag2/mock-openai";
import { openAIAgentsAgent } from "./openai-agents-agent.js";
import { weatherAgent } from "./weather-agent.test-helper.js";

describe("openAIAgentsAgent under runAgent", () => {
  it("grades model calls with usage, the tool call and the answer from the trace", async () => {
    const mock = await startMockOpenAI({ script: weatherScript() });
    try {
      const suite = Suite.fromList([
        { task_id: "paris", inputs: { input: "What is the weather in Paris?" } },
        { task_id: "oslo", inputs: { input: "What is the weather in Oslo?" } },
      ]);
      const result = await runAgent(suite, {
        agent: openAIAgentsAgent(weatherAgent(mock)),
        scorers: [],
        store: null,
        concurrency: 2,
        tracing: otelTracing(),
      });
      for (const task of result.tasks) {
        console.log(JSON.stringify(task.trace?.events, null, 1));
        assert.equal(task.error ?? null, null);
      }
    } finally {
      await mock.close();
    }
  });
});
