import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { z } from "zod";
import { Agent } from "./agent.js";
import {
  ModelConnectionError,
  ModelHTTPError,
  ModelResponseFormatError,
  ModelTimeoutError,
} from "./model-errors.js";
import { OpenAICompatibleConfig } from "./openai-compatible-config.js";
import { retryAfterMs } from "./openai-wire.js";
import { tool } from "./tool.js";

type Json = Record<string, unknown>;
interface Received {
  readonly url: string | undefined;
  readonly headers: IncomingMessage["headers"];
  readonly body: Json;
}
type Handler = (request: Received, response: ServerResponse) => void;

let received: Received[] = [];
let handler: Handler = () => {};
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const entry = {
      url: request.url,
      headers: request.headers,
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json,
    };
    received.push(entry);
    handler(entry, response);
  });
});
let baseURL = "";

function completion(message: Json, extra: Json = {}): string {
  return JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion",
    model: "served-model",
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: "stop" }],
    ...extra,
  });
}

function reply(response: ServerResponse, status: number, body: string, headers: Json = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(body);
}

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received = [];
  handler = () => {};
});

const getWeather = tool({
  name: "get_weather",
  description: "Weather in a city",
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => `${city}: sunny`,
});

describe("OpenAICompatibleConfig", () => {
  it("round-trips a tool call through /chat/completions", async () => {
    handler = (request, response) => {
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
    assert.equal(received.length, 2);
    const [first, second] = received;
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
    handler = (_request, response) =>
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
    assert.deepEqual(received[0]?.body.response_format, {
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
    assert.equal(received[0]?.headers.authorization, undefined);
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

  it("turns a 429 into ModelHTTPError with status, endpoint, body and retryAfterMs", async () => {
    handler = (_request, response) =>
      reply(response, 429, '{"error":{"message":"Rate limit reached"}}', { "retry-after": "7" });
    const config = new OpenAICompatibleConfig({ baseURL, model: "m" });
    await assert.rejects(new Agent({ name: "a", config }).ask("hi"), (error: unknown) => {
      assert.ok(ModelHTTPError.isInstance(error));
      const typed = error as ModelHTTPError;
      assert.equal(typed.status, 429);
      assert.equal(typed.retryAfterMs, 7000);
      assert.equal(typed.endpoint, `${baseURL}chat/completions`);
      assert.match(typed.body, /Rate limit reached/);
      assert.match(typed.message, /answered HTTP 429.*retry after 7000 ms.*Rate limit reached/);
      return true;
    });
  });

  it("turns a 500 into ModelHTTPError without retryAfterMs", async () => {
    handler = (_request, response) => reply(response, 500, "upstream exploded");
    const config = new OpenAICompatibleConfig({ baseURL, model: "m" });
    await assert.rejects(
      config.createClient().call({ messages: [], tools: [] }, {}),
      (error: unknown) => {
        assert.ok(ModelHTTPError.isInstance(error));
        assert.equal((error as ModelHTTPError).status, 500);
        assert.equal((error as ModelHTTPError).retryAfterMs, undefined);
        assert.equal((error as ModelHTTPError).body, "upstream exploded");
        return true;
      },
    );
  });

  it("throws ModelTimeoutError when the server never answers", async () => {
    handler = () => {}; // holds the request open
    const config = new OpenAICompatibleConfig({ baseURL, model: "m", timeoutMs: 50 });
    await assert.rejects(
      config.createClient().call({ messages: [], tools: [] }, {}),
      (error: unknown) => {
        assert.ok(ModelTimeoutError.isInstance(error));
        assert.match((error as Error).message, /did not answer within timeoutMs 50/);
        assert.match((error as Error).message, /chat\/completions/);
        return true;
      },
    );
  });

  it("rejects with the caller's abort reason, not a model error", async () => {
    const controller = new AbortController();
    handler = () => controller.abort(new Error("run cancelled"));
    const config = new OpenAICompatibleConfig({ baseURL, model: "m", timeoutMs: 60_000 });
    const call = config
      .createClient()
      .call({ messages: [], tools: [] }, { signal: controller.signal });
    await assert.rejects(call, /run cancelled/);
    assert.equal(received.length, 1);
  });

  it("throws ModelConnectionError when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const config = new OpenAICompatibleConfig({
      baseURL: `http://127.0.0.1:${port}/v1`,
      model: "m",
    });
    await assert.rejects(
      config.createClient().call({ messages: [], tools: [] }, {}),
      (error: unknown) => {
        assert.ok(ModelConnectionError.isInstance(error));
        assert.match((error as Error).message, new RegExp(`127.0.0.1:${port}/v1/chat/completions`));
        return true;
      },
    );
  });

  it("throws ModelResponseFormatError for a 2xx body that is not a chat completion", async () => {
    handler = (_request, response) => reply(response, 200, '{"choices": []}');
    const config = new OpenAICompatibleConfig({ baseURL, model: "m" });
    await assert.rejects(
      config.createClient().call({ messages: [], tools: [] }, {}),
      ModelResponseFormatError,
    );
  });

  it("accepts tool arguments sent as an object and uses the configured provider name", async () => {
    handler = (_request, response) => {
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

describe("retryAfterMs", () => {
  it("reads delta-seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    assert.equal(retryAfterMs("2.5", now), 2500);
    assert.equal(retryAfterMs("Thu, 01 Jan 2026 00:00:30 GMT", now), 30_000);
    assert.equal(retryAfterMs("soon", now), undefined);
    assert.equal(retryAfterMs(null, now), undefined);
  });
});
