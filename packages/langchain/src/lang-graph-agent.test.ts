import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runAgent, Suite } from "@ag2/eval-core";
import { otelTracing } from "@ag2/eval-telemetry";
import { startMockOpenAI, weatherScript } from "@ag2/mock-openai";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { eventLines } from "./event-lines.test-helper.js";
import { langGraphAgent } from "./lang-graph-agent.js";
import { weatherGraph } from "./weather-graph.test-helper.js";

const paris = Suite.fromList([
  { task_id: "paris", inputs: { input: "What is the weather in Paris?" } },
]);
const suite = Suite.fromList([
  { task_id: "paris", inputs: { input: "What is the weather in Paris?" } },
  { task_id: "oslo", inputs: { input: "What is the weather in Oslo?" } },
]);

describe("langGraphAgent under runAgent", () => {
  it("grades each task from its own spans, two at a time: calls, usage, tool, answer", async () => {
    const mock = await startMockOpenAI({ script: weatherScript() });
    try {
      const result = await runAgent(suite, {
        agent: langGraphAgent(weatherGraph(mock), { name: "weather" }),
        scorers: [],
        store: null,
        concurrency: 2,
        tracing: otelTracing(),
      });
      const byId = Object.fromEntries(result.tasks.map((t) => [t.task.taskId, t.trace]));
      assert.deepEqual(eventLines(byId.paris!), [
        'model get_weather{"city":"Paris"} 52/9',
        'call get_weather{"city":"Paris"}',
        "result get_weather sunny, 24°C",
        'model "The weather in Paris: sunny, 24°C." 81/14',
      ]);
      assert.equal(eventLines(byId.oslo!)[2], "result get_weather light snow, -3°C");
      assert.equal(byId.paris!.eventsOf("ToolCallEvent")[0]?.id, "call_weather_paris");
      assert.deepEqual([byId.paris!.tokens.input, byId.paris!.tokens.output], [133, 23]);
      assert.deepEqual(result.warnings, []);
      assert.equal(
        process.env.LANGCHAIN_CALLBACKS_BACKGROUND,
        "false",
        "blocking callbacks, set for us",
      );
    } finally {
      await mock.close();
    }
  });

  it("keeps a model call that reported no usage, without made-up counts, and warns on the run", async () => {
    const script = weatherScript();
    const mock = await startMockOpenAI({
      script: (request) => ({ ...script(request), usage: undefined }),
    });
    try {
      const result = await runAgent(paris, {
        agent: langGraphAgent(weatherGraph(mock)),
        scorers: [],
        store: null,
        tracing: otelTracing({ onWarning: () => {} }),
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
    } finally {
      await mock.close();
    }
  });

  it("records a tool that threw as a tool error; LangGraph tells the model and the run goes on", async () => {
    const mock = await startMockOpenAI({ script: weatherScript() });
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
    try {
      const result = await runAgent(paris, {
        agent: langGraphAgent(weatherGraph(mock, [broken])),
        scorers: [],
        store: null,
        tracing: otelTracing({ onWarning: () => {} }),
      });
      const task = result.tasks[0]!;
      const lines = eventLines(task.trace);
      assert.equal(lines[1], 'call get_weather{"city":"Paris"}');
      assert.match(lines[2] ?? "", /^error get_weather weather service down/);
      assert.match(
        lines[3] ?? "",
        /^model ".*weather service down/,
        "the model was told and answered",
      );
      assert.equal(task.trace.exception, null, "LangGraph handled it: the run did not fail");
      assert.deepEqual(result.warnings, []);
    } finally {
      await mock.close();
    }
  });
});
