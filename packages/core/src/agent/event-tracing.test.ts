import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTask } from "../suite/task.js";
import { eventTracing } from "./event-tracing.js";
import { runHook } from "./middleware.js";

const context = {
  runId: "r",
  task: createTask({ taskId: "t", inputs: { input: "q" } }),
  agentName: "a",
  attributes: {},
};

describe("eventTracing", () => {
  it("records model responses, tool calls with results and errors, and human input, in order", async () => {
    const tracing = eventTracing().startTask(context);
    const mw = tracing.middleware;
    await runHook(mw, "onTurn", { agentName: "a", input: "q" }, async () => {
      await runHook(mw, "onModelCall", { messages: [], tools: [] }, async () => ({
        type: "ModelResponse" as const,
        content: null,
        toolCalls: [{ id: "c1", name: "add", arguments: "{}" }],
        usage: { inputTokens: 5, outputTokens: 1 },
      }));
      await runHook(
        mw,
        "onToolExecution",
        { id: "c1", name: "add", arguments: "{}" },
        async () => ({
          type: "ToolResultEvent" as const,
          parentId: "c1",
          name: "add",
          result: "3",
        }),
      );
      await assert.rejects(
        runHook(mw, "onToolExecution", { id: "c2", name: "div", arguments: "{}" }, async () => {
          throw new RangeError("division by zero");
        }),
      );
      await runHook(
        mw,
        "onHumanInput",
        { type: "HumanInputRequest" as const, prompt: "ok?" },
        async () => ({
          type: "HumanMessage" as const,
          content: "yes",
        }),
      );
      await runHook(mw, "onModelCall", { messages: [], tools: [] }, async () => ({
        type: "ModelResponse" as const,
        content: "3",
        usage: { inputTokens: 7, outputTokens: 2 },
      }));
      return { content: "3" };
    });
    const { trace, traceId } = await tracing.finish({ durationMs: 12 });
    assert.match(traceId, /^[0-9a-f]{32}$/);
    assert.deepEqual(
      trace.events.map((e) => e.type),
      [
        "ModelResponse",
        "ToolCallEvent",
        "ToolResultEvent",
        "ToolCallEvent",
        "ToolErrorEvent",
        "HumanInputRequest",
        "HumanMessage",
        "ModelResponse",
      ],
    );
    const toolError = trace.events[4];
    assert.equal(toolError?.type === "ToolErrorEvent" && toolError.error.type, "RangeError");
    assert.equal(trace.tokens.total, 15);
    assert.equal(trace.durationMs, 12);
    assert.equal(trace.exception, null);
  });

  it("keeps the turn's own error over the one finish() is given, and each task its own events", async () => {
    const tracing = eventTracing();
    const first = tracing.startTask(context);
    const second = tracing.startTask(context);
    await assert.rejects(
      runHook(first.middleware, "onTurn", { agentName: "a", input: "q" }, async () => {
        throw new SyntaxError("bad reply");
      }),
    );
    const one = await first.finish({ durationMs: 1, error: { type: "Error", message: "wrapped" } });
    const two = await second.finish({
      durationMs: 1,
      error: { type: "KeyError", message: "no config" },
    });
    assert.deepEqual(
      [one.trace.exception?.type, one.trace.exception?.message],
      ["SyntaxError", "bad reply"],
    );
    assert.deepEqual(two.trace.exception, { type: "KeyError", message: "no config" });
    assert.notEqual(one.traceId, two.traceId);
  });
});
