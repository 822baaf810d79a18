import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { OpenAICompatibleConfig } from "@ag2/eval-agent";
import { failureAttribution } from "./failure-attribution.js";
import { answer, call, context } from "./internal/context.test-helper.js";
import {
  messagesOf,
  type OpenAIServer,
  startOpenAIServer,
} from "./internal/openai-server.test-helper.js";

describe("failureAttribution (LLM) against an OpenAI-compatible server on 127.0.0.1", () => {
  let server: OpenAIServer;
  before(async () => {
    server = await startOpenAIServer(() =>
      JSON.stringify({
        failed: true,
        error_mode: "incorrect_answer",
        decisive_step: 1,
        reasoning: "wrong city",
      }),
    );
  });
  after(() => server.close());

  it("sends the numbered trajectory over HTTP and records the attributor's verdict", async () => {
    const config = new OpenAICompatibleConfig({
      baseURL: server.baseURL,
      model: "attr-model",
      apiKey: "test",
    });
    const ctx = context({
      input: "Book a flight",
      events: [call("search", { q: "x" }), answer("Booked Rome")],
    });
    const [fb] = await failureAttribution(config, { agentName: "planner" }).score(ctx);
    assert.deepEqual(fb, {
      key: "failure",
      value: "incorrect_answer",
      comment: "wrong city",
      detail: {
        failed: true,
        error_mode: "incorrect_answer",
        decisive_step: 1,
        responsible_agent: "planner",
        reasoning: "wrong city",
      },
    });
    assert.equal(server.bodies[0]?.model, "attr-model");
    assert.match(
      messagesOf(server.bodies[0])[1]?.content ?? "",
      /## Trajectory \(numbered steps\)\n\[0\] tool call: search\(\{"q":"x"\}\)\n\[1\] model: 'Booked Rome'$/,
    );
  });
});
