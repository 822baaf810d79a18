import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { Agent } from "./agent.js";
import { type ChatServer, reply, startChatServer } from "./chat-server.test.helper.js";
import {
  ModelConnectionError,
  ModelHTTPError,
  ModelResponseFormatError,
  ModelTimeoutError,
} from "./model-errors.js";
import { OpenAICompatibleConfig } from "./openai-compatible-config.js";

let chat: ChatServer;
let baseURL = "";
before(async () => {
  chat = await startChatServer();
  baseURL = chat.baseURL;
});
after(() => chat.close());
beforeEach(() => chat.reset());

describe("OpenAICompatibleConfig errors", () => {
  it("turns a 429 into ModelHTTPError with status, endpoint, body and retryAfterMs", async () => {
    chat.handler = (_request, response) =>
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
    chat.handler = (_request, response) => reply(response, 500, "upstream exploded");
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
    chat.handler = () => {}; // holds the request open
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
    chat.handler = () => controller.abort(new Error("run cancelled"));
    const config = new OpenAICompatibleConfig({ baseURL, model: "m", timeoutMs: 60_000 });
    const call = config
      .createClient()
      .call({ messages: [], tools: [] }, { signal: controller.signal });
    await assert.rejects(call, /run cancelled/);
    assert.equal(chat.received.length, 1);
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
    chat.handler = (_request, response) => reply(response, 200, '{"choices": []}');
    const config = new OpenAICompatibleConfig({ baseURL, model: "m" });
    await assert.rejects(
      config.createClient().call({ messages: [], tools: [] }, {}),
      ModelResponseFormatError,
    );
  });
});
