import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { OpenAICompatibleConfig } from "@ag2/eval-agent";
import { agentJudge } from "./agent-judge.js";
import { answer, context } from "./internal/context.test-helper.js";

describe("agentJudge against an OpenAI-compatible server on 127.0.0.1", () => {
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      bodies.push(JSON.parse(raw));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "cmpl-1",
          object: "chat.completion",
          model: "judge-model",
          choices: [
            {
              index: 0,
              finish_reason: "stop",
              message: { role: "assistant", content: '{"score": 0.9, "reasoning": "accurate"}' },
            },
          ],
          usage: { prompt_tokens: 50, completion_tokens: 10 },
        }),
      );
    });
  });
  let baseURL = "";
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the judge prompts over HTTP and grades from the verdict JSON", async () => {
    const config = new OpenAICompatibleConfig({ baseURL, model: "judge-model", apiKey: "test" });
    const judge = agentJudge(config, { criterion: "accurate", key: "accurate" });
    const [fb] = await judge.score(context({ input: "2+2?", events: [answer("4")] }));
    assert.deepEqual(fb, { key: "accurate", score: 0.9, comment: "accurate" });
    const messages = bodies[0]?.messages as { role: string; content: string }[];
    assert.equal(bodies[0]?.model, "judge-model");
    assert.equal(messages[0]?.role, "system");
    assert.match(
      messages[0]?.content ?? "",
      /Criterion: accurate\nReturn a numeric score from 0\.0 to 1\.0/,
    );
    assert.equal(messages[1]?.content, "## Task input\n2+2?\n\n## Agent answer\n4");
  });
});
