import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runAgent, Suite } from "@ag2/eval-core";
import { otelTracing } from "@ag2/eval-telemetry";
import { startMockOpenAI, weatherScript } from "@ag2/mock-openai";
import { tool } from "@openai/agents";
import { z } from "zod";
import { openAIAgentsAgent } from "./openai-agents-agent.js";
import { eventLines, weatherAgent } from "./weather-agent.test-helper.js";

const paris = Suite.fromList([
  { task_id: "paris", inputs: { input: "What is the weather in Paris?" } },
]);

describe("openAIAgentsAgent on incomplete spans", () => {
  it("keeps a model call that reported no usage, without made-up counts, and warns on the run", async () => {
    const script = weatherScript();
    const mock = await startMockOpenAI({
      script: (request) => ({ ...script(request), usage: undefined }),
    });
    try {
      const result = await runAgent(paris, {
        agent: openAIAgentsAgent(weatherAgent(mock)),
        scorers: [],
        store: null,
        tracing: otelTracing({ onWarning: () => {} }),
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
    } finally {
      await mock.close();
    }
  });

  it("records a tool that threw as a tool error and the run goes on", async () => {
    const mock = await startMockOpenAI({ script: weatherScript() });
    const broken = tool({
      name: "get_weather",
      description: "Current weather in a city.",
      parameters: z.object({ city: z.string() }),
      execute: async () => {
        throw new Error("weather service down");
      },
    });
    try {
      const result = await runAgent(paris, {
        agent: openAIAgentsAgent(weatherAgent(mock, { tools: [broken] })),
        scorers: [],
        store: null,
        tracing: otelTracing({ onWarning: () => {} }),
      });
      const task = result.tasks[0]!;
      const lines = eventLines(task.trace);
      assert.equal(lines[1], 'call get_weather{"city":"Paris"}');
      assert.match(lines[2] ?? "", /^error get_weather .*weather service down/);
      assert.match(
        lines[3] ?? "",
        /^model ".*weather service down/,
        "the model was told and answered",
      );
      assert.equal(task.trace.exception, null, "the SDK handled it: the run did not fail");
      assert.deepEqual(result.warnings, []);
    } finally {
      await mock.close();
    }
  });
});
