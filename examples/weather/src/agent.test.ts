import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createTask, Trace } from "@ag2/eval";
import { weatherAgent } from "./agent.js";
import { reportsTemperature } from "./scorers.js";

const task = (id: string, cassette: string) =>
  createTask({
    taskId: id,
    inputs: { input: "Is it raining in São Paulo?" },
    metadata: { cassette },
  });

describe("weather example", () => {
  test("the São Paulo cassette calls get_weather and answers from its result", async () => {
    const agent = await weatherAgent({ config: undefined, task: task("sao-paulo", "sao-paulo") });
    const reply = await agent.ask("Is it raining in São Paulo?");
    assert.equal((reply as { content: string }).content, "It is 24°C and light rain in São Paulo.");
  });

  test("a task without a cassette is an error naming it", async () => {
    assert.throws(
      () => weatherAgent({ config: undefined, task: task("paris", "paris") }),
      /no cassette "paris" for task paris/,
    );
  });

  test("reports_temperature passes only when the reference temperature is stated", async () => {
    const context = (body: string) => ({
      inputs: {},
      outputs: { body },
      referenceOutputs: { temperature_c: 24 },
      trace: new Trace({ events: [] }),
      task: task("sao-paulo", "sao-paulo"),
    });
    assert.equal((await reportsTemperature.score(context("It is 24°C.")))[0]?.score, true);
    assert.equal((await reportsTemperature.score(context("It is 25°C.")))[0]?.score, false);
  });
});
