import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Middleware, ModelCallRequest } from "@ag2/eval-core";
import type { ToolExecutionResult } from "@ag2/eval-core/internal";
import { z } from "zod";
import { Agent } from "./agent.js";
import {
  AgentOptionsError,
  InvalidModelConfigError,
  MaxStepsExceededError,
  MissingModelConfigError,
} from "./agent-errors.js";
import { TestConfig } from "./test-config.js";
import { tool } from "./tool.js";

const getWeather = tool({
  name: "get_weather",
  description: "Current weather in a city",
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => ({ city, sky: "sunny" }),
});

const failing = tool({
  name: "flaky",
  parameters: z.object({}),
  execute: () => {
    throw new RangeError("service down");
  },
});

/** Records every hook entry and exit as "<label>:<hook>:in|out". */
function recorder(label: string, log: string[]): Middleware {
  const wrap =
    (hook: string) =>
    async <T, R>(request: T, next: (request: T) => Promise<R>): Promise<R> => {
      log.push(`${label}:${hook}:in`);
      const result = await next(request);
      log.push(`${label}:${hook}:out`);
      return result;
    };
  return {
    onTurn: wrap("turn"),
    onModelCall: wrap("model"),
    onToolExecution: wrap("tool"),
    onHumanInput: wrap("human"),
  };
}

function toolMessages(request: ModelCallRequest | undefined): string[] {
  return (request?.messages ?? []).filter((m) => m.role === "tool").map((m) => m.content ?? "");
}

describe("Agent loop", () => {
  it("returns a text-only answer and sends instructions as the system message", async () => {
    const config = new TestConfig("Hello!");
    const agent = new Agent({ name: "greeter", instructions: "Be brief.", config });
    const reply = await agent.ask("Hi");
    assert.equal(reply.content, "Hello!");
    assert.equal(reply.value, null);
    assert.deepEqual(
      reply.messages.map((m) => [m.role, m.content]),
      [
        ["system", "Be brief."],
        ["user", "Hi"],
        ["assistant", "Hello!"],
      ],
    );
    assert.deepEqual(config.requests[0]?.tools, []);
  });

  it("runs a tool call, sends its JSON result back, then answers", async () => {
    const config = new TestConfig({ name: "get_weather", arguments: { city: "Tokyo" } }, "Sunny.");
    const agent = new Agent({ name: "weather", tools: [getWeather], config });
    const reply = await agent.ask("Weather in Tokyo?");
    assert.equal(reply.content, "Sunny.");
    const second = config.requests[1];
    assert.deepEqual(toolMessages(second), ['{"city":"Tokyo","sky":"sunny"}']);
    const toolMessage = second?.messages.find((m) => m.role === "tool");
    assert.equal(toolMessage?.toolCallId, "call_1");
    assert.equal(toolMessage?.name, "get_weather");
    const definition = config.requests[0]?.tools[0];
    assert.equal(definition?.name, "get_weather");
    assert.deepEqual(definition?.parameters.required, ["city"]);
    assert.equal("$schema" in (definition?.parameters ?? {}), false);
  });

  it("reports a throwing tool, an unknown tool and bad arguments back to the model", async () => {
    const outcomes: ToolExecutionResult[] = [];
    const config = new TestConfig(
      [
        { name: "flaky", arguments: {} },
        { name: "nope", arguments: {} },
        { name: "get_weather", arguments: { town: "Oslo" } },
        { name: "get_weather", arguments: "{not json" },
      ],
      "Sorry, tools failed.",
    );
    const agent = new Agent({
      name: "a",
      tools: [getWeather, failing],
      config,
      middleware: [
        {
          onToolExecution: async (call, next) => {
            const outcome = await next(call);
            outcomes.push(outcome);
            return outcome;
          },
        },
      ],
    });
    const reply = await agent.ask("go");
    assert.equal(reply.content, "Sorry, tools failed.");
    assert.deepEqual(
      outcomes.map((o) => (o.type === "ToolErrorEvent" ? o.error.type : o.type)),
      ["RangeError", "UnknownToolError", "ToolArgumentsError", "ToolArgumentsError"],
    );
    const sent = toolMessages(config.requests[1]);
    assert.equal(sent.length, 4);
    assert.match(sent[0] ?? "", /^Error: RangeError: service down$/);
    assert.match(sent[1] ?? "", /unknown tool: got "nope", expected one of \[get_weather, flaky\]/);
    assert.match(sent[2] ?? "", /city: Invalid input/);
    assert.match(sent[3] ?? "", /arguments are not JSON/);
  });

  it("throws MaxStepsExceededError when the model keeps calling tools", async () => {
    const loopCall = { name: "get_weather", arguments: { city: "X" } };
    const config = new TestConfig(loopCall, loopCall, loopCall, "never reached");
    const agent = new Agent({ name: "looper", tools: [getWeather], config, maxSteps: 2 });
    await assert.rejects(agent.ask("go"), (error: unknown) => {
      assert.ok(MaxStepsExceededError.isInstance(error));
      assert.match((error as Error).message, /more than 2 model calls/);
      return true;
    });
    assert.equal(config.requests.length, 2);
  });

  it("refuses invalid options", () => {
    assert.throws(() => new Agent({ name: "a", maxSteps: 0 }), AgentOptionsError);
    assert.throws(() => new Agent({ name: "a", retries: 1.5 }), AgentOptionsError);
    assert.throws(() => new Agent({ name: "a", tools: [getWeather, getWeather] }), /unique names/);
  });
});

describe("Agent middleware", () => {
  it("calls every hook in onion order, the agent's own middleware outermost", async () => {
    const log: string[] = [];
    const askHuman = tool({
      name: "ask_human",
      parameters: z.object({ question: z.string() }),
      execute: ({ question }, context) => context.askHuman(question),
    });
    const config = new TestConfig({ name: "ask_human", arguments: { question: "ok?" } }, "done");
    const agent = new Agent({
      name: "a",
      tools: [askHuman],
      config,
      middleware: [recorder("own", log)],
      humanInput: (prompt) => `yes to ${prompt}`,
    });
    await agent.ask("go", { middleware: [recorder("call", log)] });
    assert.deepEqual(log, [
      "own:turn:in",
      "call:turn:in",
      "own:model:in",
      "call:model:in",
      "call:model:out",
      "own:model:out",
      "own:tool:in",
      "call:tool:in",
      "own:human:in",
      "call:human:in",
      "call:human:out",
      "own:human:out",
      "call:tool:out",
      "own:tool:out",
      "own:model:in",
      "call:model:in",
      "call:model:out",
      "own:model:out",
      "call:turn:out",
      "own:turn:out",
    ]);
    assert.deepEqual(toolMessages(config.requests[1]), ["yes to ok?"]);
  });

  it("lets middleware change the request a hook passes on", async () => {
    const config = new TestConfig((request) => `saw ${request.messages.at(-1)?.content}`);
    const agent = new Agent({ name: "a", config });
    const reply = await agent.ask("original", {
      middleware: [{ onTurn: (request, next) => next({ ...request, input: "rewritten" }) }],
    });
    assert.equal(reply.content, "saw rewritten");
  });

  it("reports a missing human-input handler to the model as a tool error", async () => {
    const askHuman = tool({
      name: "ask_human",
      parameters: z.object({}),
      execute: (_args, context) => context.askHuman("hello?"),
    });
    const config = new TestConfig({ name: "ask_human" }, "gave up");
    await new Agent({ name: "a", tools: [askHuman], config }).ask("go");
    assert.match(toolMessages(config.requests[1])[0] ?? "", /HumanInputUnavailableError/);
  });
});

describe("Agent config", () => {
  it("throws MissingModelConfigError before any hook runs", async () => {
    const log: string[] = [];
    const agent = new Agent({ name: "bare", middleware: [recorder("own", log)] });
    await assert.rejects(agent.ask("hi", { middleware: [recorder("call", log)] }), (error) => {
      assert.ok(MissingModelConfigError.isInstance(error));
      assert.match((error as Error).message, /agent "bare" has no model config/);
      return true;
    });
    assert.deepEqual(log, []);
  });

  it("throws InvalidModelConfigError for an object that is not a config", async () => {
    const agent = new Agent({ name: "a" });
    await assert.rejects(agent.ask("hi", { config: { model: "x" } }), InvalidModelConfigError);
  });

  it("uses the per-call config over the agent's own", async () => {
    const agent = new Agent({ name: "a", config: new TestConfig("from agent") });
    const reply = await agent.ask("hi", { config: new TestConfig("from call") });
    assert.equal(reply.content, "from call");
    assert.equal((await agent.ask("hi")).content, "from agent");
  });
});

describe("Agent continuation", () => {
  it("continues the conversation with the same middleware and client", async () => {
    const log: string[] = [];
    const config = new TestConfig("first", (request) => `second after ${request.messages.length}`);
    const agent = new Agent({ name: "a", config });
    const reply = await agent.ask("one", { middleware: [recorder("call", log)] });
    const next = await reply.ask("two");
    assert.equal(next.content, "second after 3");
    assert.deepEqual(
      next.messages.map((m) => m.content),
      ["one", "first", "two", "second after 3"],
    );
    assert.equal(log.filter((entry) => entry === "call:turn:in").length, 2);
    assert.equal(log.filter((entry) => entry === "call:model:in").length, 2);
  });
});

describe("Agent cancellation", () => {
  /** A TestConfig whose clients record the signal each call received. */
  class SignalRecordingConfig extends TestConfig {
    readonly signals: (AbortSignal | undefined)[] = [];
    override createClient() {
      const inner = super.createClient();
      return {
        call: (request: ModelCallRequest, options: { signal?: AbortSignal | undefined }) => {
          this.signals.push(options.signal);
          return inner.call(request, options);
        },
      };
    }
  }

  it("stops between steps once the signal aborts and passes it to the client", async () => {
    const controller = new AbortController();
    const stopping = tool({
      name: "stop",
      parameters: z.object({}),
      execute: () => {
        controller.abort(new Error("cancelled by test"));
        return "stopped";
      },
    });
    const config = new SignalRecordingConfig({ name: "stop" }, "unreachable");
    const agent = new Agent({ name: "a", tools: [stopping], config });
    await assert.rejects(agent.ask("go", { signal: controller.signal }), /cancelled by test/);
    assert.equal(config.requests.length, 1);
    assert.deepEqual(config.signals, [controller.signal]);
  });

  it("makes no model call when the signal is already aborted", async () => {
    const config = new TestConfig("unreachable");
    const agent = new Agent({ name: "a", config });
    await assert.rejects(agent.ask("go", { signal: AbortSignal.abort() }), { name: "AbortError" });
    assert.equal(config.requests.length, 0);
  });
});
