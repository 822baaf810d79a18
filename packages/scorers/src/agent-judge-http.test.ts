import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { OpenAICompatibleConfig } from "@ag2/eval-agent";
import { agentJudge } from "./agent-judge.js";
import { answer, context } from "./internal/context.test-helper.js";
import {
  messagesOf,
  type OpenAIServer,
  startOpenAIServer,
} from "./internal/openai-server.test-helper.js";

describe("agentJudge against an OpenAI-compatible server on 127.0.0.1", () => {
  let server: OpenAIServer;
  before(async () => {
    server = await startOpenAIServer(() => '{"score": 0.9, "reasoning": "accurate"}');
  });
  after(() => server.close());

  it("sends the judge prompts over HTTP and grades from the verdict JSON", async () => {
    const config = new OpenAICompatibleConfig({
      baseURL: server.baseURL,
      model: "judge-model",
      apiKey: "test",
    });
    const judge = agentJudge(config, { criterion: "accurate", key: "accurate" });
    const [fb] = await judge.score(context({ input: "2+2?", events: [answer("4")] }));
    assert.deepEqual(fb, { key: "accurate", score: 0.9, comment: "accurate" });
    const messages = messagesOf(server.bodies[0]);
    assert.equal(server.bodies[0]?.model, "judge-model");
    assert.equal(messages[0]?.role, "system");
    assert.match(
      messages[0]?.content ?? "",
      /Criterion: accurate\nReturn a numeric score from 0\.0 to 1\.0/,
    );
    assert.equal(messages[1]?.content, "## Task input\n2+2?\n\n## Agent answer\n4");
  });
});
