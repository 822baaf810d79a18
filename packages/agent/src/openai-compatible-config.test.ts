import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { z } from "zod";
import { Agent } from "./agent.js";
import {
  type ChatServer,
  completion,
  type Json,
  reply,
  startChatServer,
} from "./chat-server.test.helper.js";
import { OpenAICompatibleConfig } from "./openai-compatible-config.js";
import { tool } from "./tool.js";

let chat: ChatServer;
let baseURL = "";
before(async () => {
  chat = await startChatServer();
  baseURL = chat.baseURL;
});
after(() => chat.close());
beforeEach(() => chat.reset());

const getWeather = tool({
  name: "get_weather",
  description: "Weather in a city",
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => `${city}: sunny`,
});
describe("OpenAICompatibleConfig", () => {
  it("round-trips a tool call through /chat/completions", async () => {
    chat.handler = (request, response) => {
      const messages = request.body.messages as Json[];
      if (messages.at(-1)?.role === "tool") {
        reply(response, 200, completion({ content: "It is sunny in Tokyo." }));
        return;
      }
      const call = {
        id: "call_abc",
        type: "function",
        function: { name: "get_weather", arguments: '{"city":"Tokyo"}' },
      };
      reply(response, 200, completion({ content: null, tool_calls: [call] }));
    };
    const config = new OpenAICompatibleConfig({
      baseURL,
      apiKey: "sk-test",
      model: "gpt-test",
      headers: { "x-extra": "1" },
    });
    const agent = new Agent({
      name: "weather",
      instructions: "Be brief.",
      tools: [getWeather],
      config,
    });
    const answer = await agent.ask("Weather in Tokyo?");
    assert.equal(answer.content, "It is sunny in Tokyo.");
    assert.equal(chat.received.length, 2);
    const [first, second] = chat.received;
    assert.equal(first?.url, "/v1/chat/completions");
    assert.equal(first?.headers.authorization, "Bearer sk-test");
    assert.equal(first?.headers["x-extra"], "1");
    assert.equal(first?.body.model, "gpt-test");
    assert.deepEqual(first?.body.tools, [
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Weather in a city",
          parameters: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
            additionalProperties: false,
          },
        },
      },
    ]);
    assert.equal("response_format" in (first?.body ?? {}), false);
    assert.deepEqual((second?.body.messages as Json[] | undefined)?.slice(2), [
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_abc",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Tokyo"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_abc", content: "Tokyo: sunny" },
    ]);
    assert.deepEqual((second?.body.messages as Json[] | undefined)?.slice(0, 2), [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Weather in Tokyo?" },
    ]);
  });

  it("sends a json_schema response_format and reads usage, model and finish reason back", async () => {
    const usage = {
      prompt_tokens: 120,
      completion_tokens: 8,
      prompt_tokens_details: { cached_tokens: 100 },
    };
    chat.handler = (_request, response) =>
      reply(response, 200, completion({ content: '{"score": 1}' }, { usage }));
    const config = new OpenAICompatibleConfig({ baseURL, model: "gpt-test" });
    const schema = z.object({ score: z.number() });
    const seen: unknown[] = [];
    const agent = new Agent({
      name: "judge",
      responseSchema: schema,
      config,
      middleware: [
        {
          onModelCall: async (r, next) => {
            const out = await next(r);
            seen.push(out);
            return out;
          },
        },
      ],
    });
    const answer = await agent.ask("grade");
    assert.deepEqual(answer.value, { score: 1 });
    assert.deepEqual(chat.received[0]?.body.response_format, {
      type: "json_schema",
      json_schema: {
        name: "response",
        schema: {
          type: "object",
          properties: { score: { type: "number" } },
          required: ["score"],
          additionalProperties: false,
        },
        strict: false,
      },
    });
    assert.equal(chat.received[0]?.headers.authorization, undefined);
    const response = seen[0] as Json;
    assert.deepEqual(response.usage, {
      inputTokens: 120,
      outputTokens: 8,
      cacheReadInputTokens: 100,
      thinkingTokens: undefined,
    });
    assert.equal(response.model, "served-model");
    assert.equal(response.provider, "openai");
    assert.equal(response.finishReason, "stop");
  });

  it("accepts tool arguments sent as an object and uses the configured provider name", async () => {
    chat.handler = (_request, response) => {
      const call = {
        id: "c1",
        type: "function",
        function: { name: "get_weather", arguments: { city: "Oslo" } },
      };
      reply(response, 200, completion({ content: null, tool_calls: [call] }));
    };
    const config = new OpenAICompatibleConfig({ baseURL, model: "llama3.2", provider: "ollama" });
    const response = await config.createClient().call({ messages: [], tools: [] }, {});
    assert.deepEqual(response.toolCalls, [
      { id: "c1", name: "get_weather", arguments: '{"city":"Oslo"}' },
    ]);
    assert.equal(response.provider, "ollama");
  });
});
