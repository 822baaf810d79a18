import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { OpenAICompatibleConfig } from "@ag2/eval-agent";
import { createTask, Trace } from "@ag2/eval-core";
import { answer } from "./internal/context.test-helper.js";
import {
  messagesOf,
  type OpenAIServer,
  startOpenAIServer,
} from "./internal/openai-server.test-helper.js";
import { pairwiseJudge } from "./pairwise-judge.js";

describe("pairwiseJudge against an OpenAI-compatible server on 127.0.0.1", () => {
  let server: OpenAIServer;
  // A judge that prefers the response "4" wherever it is shown, so the swap must agree.
  before(async () => {
    server = await startOpenAIServer((body) => {
      const user = messagesOf(body)[1]?.content ?? "";
      const first = /## Response 1\n(.*)/.exec(user)?.[1];
      const preferred = first === "4" ? "first" : "second";
      return JSON.stringify({ preferred, reasoning: `first was ${first}` });
    });
  });
  after(() => server.close());

  it("asks twice over HTTP with the order swapped and declares the consistent winner", async () => {
    const config = new OpenAICompatibleConfig({
      baseURL: server.baseURL,
      model: "pair-model",
      apiKey: "test",
    });
    const task = createTask({ taskId: "t1", inputs: { input: "2+2?" } });
    const outcome = await pairwiseJudge(config, { criterion: "correct", key: "correct" }).compare({
      task,
      traceA: new Trace({ events: [answer("five")] }),
      traceB: new Trace({ events: [answer("4")] }),
      referenceOutputs: task.referenceOutputs,
    });
    assert.deepEqual(outcome, {
      winner: "b",
      reasoning: "first was five",
      detail: { order1: "second", order2: "first" },
    });
    assert.equal(server.bodies.length, 2);
    assert.equal(server.bodies[0]?.model, "pair-model");
    assert.match(messagesOf(server.bodies[0])[0]?.content ?? "", /Criterion: correct/);
    assert.match(messagesOf(server.bodies[1])[1]?.content ?? "", /## Response 1\n4\n/);
  });
});
