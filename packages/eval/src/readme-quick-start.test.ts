import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { z } from "zod";
import { Agent, finalAnswerMatches, runAgent, TestConfig, tool, toolCalled } from "./index.js";

// The root README's "In code" example, kept here so the docs cannot drift from the API.
it("runs the root README's quick start", async () => {
  const storeDir = await mkdtemp(join(tmpdir(), "ag2-eval-readme-"));
  try {
    const getWeather = tool({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => `${city}: sunny, 24°C`,
    });

    const agent = new Agent({
      name: "weather",
      instructions: "Answer with the weather.",
      tools: [getWeather],
      config: new TestConfig(
        { name: "get_weather", arguments: { city: "Tokyo" } },
        "Tokyo is sunny.",
      ),
    });

    const result = await runAgent(
      [
        {
          task_id: "tokyo",
          inputs: { input: "Weather in Tokyo?" },
          reference_outputs: { answer: "Tokyo is sunny." },
        },
      ],
      { agent, scorers: [toolCalled("get_weather"), finalAnswerMatches("answer")], storeDir },
    );

    assert.equal(result.passRate("tool_called[get_weather]"), 1);
    assert.equal(result.passRate("final_answer_matches"), 1);
    assert.match(result.summary(), /^Run [0-9a-f]{32}\n {2}Schema: {6}0\.1/);
    assert.deepEqual(await readdir(storeDir), [`${result.runId}.json`]);
  } finally {
    await rm(storeDir, { recursive: true, force: true });
  }
});
