import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runAgent, Suite } from "@ag2/eval-core";
import { otelTracing } from "@ag2/eval-telemetry";
import { startMockOpenAI, weatherScript } from "@ag2/mock-openai";
import { Agent } from "@openai/agents";
import { openAIAgentsAgent } from "./openai-agents-agent.js";
import { eventLines, mockModel, weatherAgent } from "./weather-agent.test-helper.js";

const suite = Suite.fromList([
  { task_id: "paris", inputs: { input: "What is the weather in Paris?" } },
  { task_id: "oslo", inputs: { input: "What is the weather in Oslo?" } },
]);

describe("openAIAgentsAgent under runAgent", () => {
  it("grades each task from its own spans, two at a time: calls, usage, tool, answer", async () => {
    const mock = await startMockOpenAI({ script: weatherScript() });
    try {
      const agent = openAIAgentsAgent(weatherAgent(mock));
      assert.equal(agent.name, "weather");
      const result = await runAgent(suite, {
        agent,
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
      assert.deepEqual(eventLines(byId.oslo!)[2], "result get_weather light snow, -3°C");
      const [call] = byId.paris!.eventsOf("ToolCallEvent");
      assert.equal(call?.id, "call_weather_paris", "the tool span's call id is the model's");
      assert.deepEqual([byId.paris!.tokens.input, byId.paris!.tokens.output], [133, 23]);
      assert.deepEqual(result.warnings, []);
    } finally {
      await mock.close();
    }
  });

  it("records a handoff as a handoff_to_<agent> call between the two agents' steps", async () => {
    const mock = await startMockOpenAI({
      script: ({ messages }) => {
        const called = messages.flatMap((m) => m.toolNames ?? []);
        if (!called.includes("transfer_to_weather")) {
          return { toolCalls: [{ id: "call_h", name: "transfer_to_weather", arguments: {} }] };
        }
        if (!called.includes("get_weather")) {
          const args = { city: "Paris" };
          return { toolCalls: [{ id: "call_w", name: "get_weather", arguments: args }] };
        }
        return { content: `Paris: ${messages.at(-1)?.content}` };
      },
    });
    try {
      const weather = weatherAgent(mock);
      const triage = new Agent({
        name: "triage",
        instructions: "Route.",
        handoffs: [weather],
        model: mockModel(mock),
      });
      const result = await runAgent(
        Suite.fromList([{ task_id: "p", inputs: { input: "Weather in Paris?" } }]),
        {
          agent: openAIAgentsAgent(triage),
          scorers: [],
          store: null,
          tracing: otelTracing({ onWarning: () => {} }),
        },
      );
      const lines = eventLines(result.tasks[0]!.trace);
      assert.deepEqual(lines.slice(0, 3), [
        "model transfer_to_weather{} -/-",
        'call handoff_to_weather{"from_agent":"triage"}',
        'result handoff_to_weather {"to_agent":"weather"}',
      ]);
      assert.deepEqual(lines.slice(3), [
        'model get_weather{"city":"Paris"} -/-',
        'call get_weather{"city":"Paris"}',
        "result get_weather sunny, 24°C",
        'model "Paris: sunny, 24°C" -/-',
      ]);
    } finally {
      await mock.close();
    }
  });

  it("fails a task whose input guardrail trips with the SDK's error type, and runs the others", async () => {
    const mock = await startMockOpenAI({ script: weatherScript() });
    try {
      const guarded = weatherAgent(mock, {
        inputGuardrails: [
          {
            name: "no_secrets",
            execute: async ({ input }) => ({
              tripwireTriggered: String(input).includes("secret"),
              outputInfo: null,
            }),
          },
        ],
      });
      const result = await runAgent(
        Suite.fromList([
          { task_id: "secret", inputs: { input: "Tell me the secret" } },
          { task_id: "paris", inputs: { input: "What is the weather in Paris?" } },
        ]),
        {
          agent: openAIAgentsAgent(guarded),
          scorers: [],
          store: null,
          tracing: otelTracing({ onWarning: () => {} }),
        },
      );
      const [secret, paris] = result.tasks;
      assert.equal(secret?.trace.exception?.type, "InputGuardrailTripwireTriggered");
      assert.match(secret?.trace.exception?.message ?? "", /guardrail/i);
      assert.equal(paris?.trace.exception, null);
      assert.equal(paris?.trace.eventsOf("ToolCallEvent").length, 1);
    } finally {
      await mock.close();
    }
  });
});
