import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type MockOpenAIServer, startMockOpenAI } from "./mock-openai-server.js";
import { WEATHER_USAGE, weatherAnswer, weatherCallId, weatherScript } from "./weather-script.js";

type Json = Record<string, unknown>;

describe("startMockOpenAI with the weather script", () => {
  let server: MockOpenAIServer;
  before(async () => {
    const script = weatherScript();
    server = await startMockOpenAI({
      script: (request) =>
        request.messages.at(-1)?.content === "fail"
          ? { status: 429, headers: { "retry-after": "3" }, message: "slow down" }
          : script(request),
    });
  });
  after(() => server.close());

  const post = (body: Json, path = "/chat/completions") =>
    fetch(`${server.baseURL}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const ask = { role: "user", content: [{ type: "text", text: "Weather in Oslo?" }] };
  const toolTurn = [
    ask,
    {
      role: "assistant",
      content: null,
      tool_calls: [{ id: "c", function: { name: "get_weather" } }],
    },
    { role: "tool", tool_call_id: "c", content: "light snow" },
  ];

  it("calls get_weather first, then answers from the tool's result, with the scripted usage", async () => {
    const first = (await (await post({ messages: [ask] })).json()) as Json;
    const [choice] = first.choices as Json[];
    assert.deepEqual((choice?.message as Json | undefined)?.tool_calls, [
      {
        id: weatherCallId("Oslo"),
        type: "function",
        function: { name: "get_weather", arguments: '{"city":"Oslo"}' },
      },
    ]);
    assert.equal(choice?.finish_reason, "tool_calls");
    assert.deepEqual(first.usage, { prompt_tokens: 52, completion_tokens: 9, total_tokens: 61 });
    const second = (await (await post({ messages: toolTurn })).json()) as Json;
    const [answer] = second.choices as Json[];
    assert.equal(
      (answer?.message as Json | undefined)?.content,
      weatherAnswer("Oslo", "light snow"),
    );
    assert.equal((second.usage as Json).prompt_tokens, WEATHER_USAGE.answerStep.promptTokens);
  });

  it("streams chunks, with usage only when the request asks for it", async () => {
    const events = async (body: Json) =>
      (await (await post({ ...body, stream: true })).text())
        .split("\n\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6));
    const plain = await events({ messages: toolTurn });
    assert.equal(plain.at(-1), "[DONE]");
    const chunks = plain.slice(0, -1).map((line) => JSON.parse(line) as Json);
    const text = chunks
      .flatMap((chunk) => chunk.choices as Json[])
      .map((choice) => (choice.delta as Json).content ?? "")
      .join("");
    assert.equal(text, weatherAnswer("Oslo", "light snow"));
    assert.ok(chunks.every((chunk) => chunk.usage === undefined));
    const counted = await events({ messages: toolTurn, stream_options: { include_usage: true } });
    const last = JSON.parse(counted.at(-2) ?? "{}") as Json;
    assert.deepEqual([last.choices, (last.usage as Json).completion_tokens], [[], 14]);
  });

  it("plays scripted failures with their headers, refuses other routes, and records every request", async () => {
    const failed = await post({ messages: [{ role: "user", content: "fail" }] });
    assert.equal(failed.status, 429);
    assert.equal(failed.headers.get("retry-after"), "3");
    assert.deepEqual(await failed.json(), { error: { message: "slow down" } });
    const missing = await post({}, "/responses");
    assert.equal(missing.status, 404);
    assert.deepEqual(
      server.requests.slice(-2).map((request) => request.path),
      ["/v1/chat/completions", "/v1/responses"],
    );
  });
});
