import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { Agent } from "./agent.js";
import { isAgentModelConfig } from "./model-config.js";
import { TestConfig } from "./test-config.js";
import { TestConfigElementError, TestConfigExhaustedError } from "./test-config-errors.js";
import { tool } from "./tool.js";

const add = tool({
  name: "add",
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => a + b,
});

describe("TestConfig", () => {
  it("replays the cassette from the first element on every ask", async () => {
    const agent = new Agent({ name: "a", config: new TestConfig("one", "two") });
    assert.equal((await agent.ask("x")).content, "one");
    assert.equal((await agent.ask("y")).content, "one");
  });

  it("gives concurrent asks on one agent their own replay", async () => {
    let inFlight = 0;
    let release: () => void = () => {};
    const allStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    const config = new TestConfig(
      async (request) => {
        inFlight++;
        if (inFlight === 3) release();
        await allStarted;
        return { name: "add", arguments: { a: request.messages.length, b: 1 } };
      },
      (request) => `sum ${request.messages.at(-1)?.content}`,
    );
    const agent = new Agent({ name: "calc", tools: [add], config });
    const replies = await Promise.all(["a", "b", "c"].map((input) => agent.ask(input)));
    assert.equal(inFlight, 3);
    assert.deepEqual(
      replies.map((r) => r.content),
      ["sum 2", "sum 2", "sum 2"],
    );
    assert.deepEqual(
      replies.map((r) => r.messages[0]?.content),
      ["a", "b", "c"],
    );
  });

  it("continues the cassette on reply.ask (same client)", async () => {
    const agent = new Agent({ name: "a", config: new TestConfig("one", "two") });
    const reply = await agent.ask("x");
    assert.equal((await reply.ask("again")).content, "two");
  });

  it("throws TestConfigExhaustedError naming the cassette size", async () => {
    const agent = new Agent({ name: "a", config: new TestConfig("only") });
    const reply = await agent.ask("x");
    await assert.rejects(reply.ask("more"), (error: unknown) => {
      assert.ok(TestConfigExhaustedError.isInstance(error));
      assert.match((error as Error).message, /^TestConfig cassette exhausted after 1 responses/);
      return true;
    });
  });

  it("maps tool calls (object or JSON-text arguments, lists, ids) and full responses", async () => {
    const config = new TestConfig(
      [
        { name: "add", arguments: { a: 1, b: 2 } },
        { name: "add", arguments: '{"a": 3, "b": 4}', id: "mine" },
      ],
      {
        type: "ModelResponse",
        content: "3 and 7",
        usage: { inputTokens: 12, outputTokens: 5 },
        finishReason: "stop",
      },
    );
    const client = config.createClient();
    const first = await client.call({ messages: [], tools: [] }, {});
    assert.deepEqual(first.toolCalls, [
      { id: "call_1", name: "add", arguments: '{"a":1,"b":2}' },
      { id: "mine", name: "add", arguments: '{"a": 3, "b": 4}' },
    ]);
    assert.equal(first.content, null);
    assert.equal(first.finishReason, "tool_calls");
    const second = await client.call({ messages: [], tools: [] }, {});
    assert.deepEqual(second.usage, { inputTokens: 12, outputTokens: 5 });
    assert.equal(second.provider, "test");
    assert.equal(second.model, "test-model");

    const reply = await new Agent({ name: "calc", tools: [add], config }).ask("sum");
    assert.equal(reply.content, "3 and 7");
    const results = config.requests.at(-1)?.messages.filter((m) => m.role === "tool");
    assert.deepEqual(
      results?.map((m) => [m.toolCallId, m.content]),
      [
        ["call_1", "3"],
        ["mine", "7"],
      ],
    );
  });

  it("accepts the trace's own tool-call events, alone or in a list", async () => {
    const call = {
      type: "ToolCallEvent",
      id: "c1",
      name: "add",
      arguments: '{"a":1,"b":2}',
    } as const;
    const config = new TestConfig(
      call,
      [{ type: "ToolCallEvent", name: "add", arguments: '{"a":2,"b":2}' }],
      "3 then 4",
    );
    const client = config.createClient();
    const first = await client.call({ messages: [], tools: [] }, {});
    assert.deepEqual(first.toolCalls, [{ id: "c1", name: "add", arguments: '{"a":1,"b":2}' }]);
    const second = await client.call({ messages: [], tools: [] }, {});
    assert.deepEqual(second.toolCalls, [{ id: "call_1", name: "add", arguments: '{"a":2,"b":2}' }]);
    const reply = await new Agent({ name: "calc", tools: [add], config }).ask("sum");
    assert.equal(reply.content, "3 then 4");
    assert.throws(
      () => new TestConfig({ type: "ToolResultEvent", name: "add" } as never),
      TestConfigElementError,
    );
  });

  it("calls a function element with the request it answers", async () => {
    const config = new TestConfig((request) => `you said ${request.messages.at(-1)?.content}`);
    const reply = await new Agent({ name: "a", config }).ask("ping");
    assert.equal(reply.content, "you said ping");
  });

  it("rejects an element that is not a reply, naming its 1-based position", () => {
    assert.throws(
      () => new TestConfig("ok", 42 as never),
      (error: unknown) =>
        TestConfigElementError.isInstance(error) && /element 2: got number 42/.test(error.message),
    );
    assert.throws(() => new TestConfig([{ name: "a" }, 5] as never), TestConfigElementError);
  });

  it("has provider test and model test-model unless renamed", () => {
    const config = new TestConfig("hi");
    assert.deepEqual([config.provider, config.model], ["test", "test-model"]);
    const renamed = config.withModel({ model: "gpt-4o-mini" });
    assert.deepEqual([renamed.provider, renamed.model], ["test", "gpt-4o-mini"]);
    assert.ok(isAgentModelConfig(renamed));
    assert.equal(isAgentModelConfig({ t1: config }), false);
  });
});
