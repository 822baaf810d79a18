import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Suite } from "@ag2/eval-core";
import { assertWeatherPair, eventLines, runOnMock, weatherQuestions } from "@ag2/mock-openai";
import { Agent } from "@openai/agents";
import { openAIAgentsAgent } from "./openai-agents-agent.js";
import { mockModel, weatherAgent } from "./weather-agent.test-helper.js";

describe("openAIAgentsAgent under runAgent", () => {
  it("grades each task from its own spans, two at a time: calls, usage, tool, answer", async () => {
    const result = await runOnMock({
      agent: (mock) => {
        const agent = openAIAgentsAgent(weatherAgent(mock));
        assert.equal(agent.name, "weather");
        return agent;
      },
      suite: weatherQuestions(["Paris", "Oslo"]),
      concurrency: 2,
    });
    assertWeatherPair(result);
  });

  it("records a handoff as a handoff_to_<agent> call between the two agents' steps", async () => {
    const result = await runOnMock({
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
      suite: Suite.fromList([{ task_id: "p", inputs: { input: "Weather in Paris?" } }]),
      agent: (mock) =>
        openAIAgentsAgent(
          new Agent({
            name: "triage",
            instructions: "Route.",
            handoffs: [weatherAgent(mock)],
            model: mockModel(mock),
          }),
        ),
    });
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
  });

  it("fails a task whose input guardrail trips with the SDK's error type, and runs the others", async () => {
    const result = await runOnMock({
      suite: Suite.fromList([
        { task_id: "secret", inputs: { input: "Tell me the secret" } },
        { task_id: "paris", inputs: { input: "What is the weather in Paris?" } },
      ]),
      agent: (mock) =>
        openAIAgentsAgent(
          weatherAgent(mock, {
            inputGuardrails: [
              {
                name: "no_secrets",
                execute: async ({ input }) => ({
                  tripwireTriggered: String(input).includes("secret"),
                  outputInfo: null,
                }),
              },
            ],
          }),
        ),
    });
    const [secret, paris] = result.tasks;
    assert.equal(secret?.trace.exception?.type, "InputGuardrailTripwireTriggered");
    assert.match(secret?.trace.exception?.message ?? "", /guardrail/i);
    assert.equal(paris?.trace.exception, null);
    assert.equal(paris?.trace.eventsOf("ToolCallEvent").length, 1);
  });
});
