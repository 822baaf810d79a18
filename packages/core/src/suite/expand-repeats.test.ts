import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveModelConfig } from "../agent/resolve-model-config.js";
import { outputsFromTrace } from "../scoring/outputs-from-trace.js";
import { InMemoryTraceSource } from "../trace/in-memory-trace-source.js";
import { Trace } from "../trace/trace.js";
import { expandRepeats, originalTaskId } from "./expand-repeats.js";
import { createTask } from "./task.js";

const tasks = [
  createTask({ taskId: "a#x", inputs: { input: "1" } }),
  createTask({ taskId: "b", inputs: { input: "2" } }),
];

describe("expandRepeats", () => {
  it("groups repeats by task and remembers the original id (even when it holds a '#')", () => {
    const expanded = expandRepeats(tasks, 3);
    assert.deepEqual(
      expanded.map((t) => t.taskId),
      ["a#x#1", "a#x#2", "a#x#3", "b#1", "b#2", "b#3"],
    );
    assert.deepEqual(expanded.map(originalTaskId), ["a#x", "a#x", "a#x", "b", "b", "b"]);
    assert.deepEqual(expanded[4]?.inputs, { input: "2" });
  });

  it("leaves tasks as they are for repeats <= 1", () => {
    for (const repeats of [1, 0, -2]) assert.deepEqual(expandRepeats(tasks, repeats), tasks);
  });
});

describe("resolveModelConfig", () => {
  it("prefers the repeated id, falls back to the original id, else undefined", () => {
    const [a1, a2, b1] = expandRepeats(tasks, 2) as [never, never, never];
    const map = { "a#x": "orig", "a#x#2": "rep" };
    assert.deepEqual(
      [a1, a2, b1].map((t) => resolveModelConfig(map as never, t)),
      ["orig", "rep", undefined],
    );
    assert.equal(resolveModelConfig(null, a1), undefined);
  });
});

describe("outputsFromTrace", () => {
  const response = (content: string | null) => ({ type: "ModelResponse" as const, content });
  it("reads the last response only, parsing JSON when it parses", () => {
    assert.deepEqual(outputsFromTrace(new Trace({ events: [response('{"a":1}')] })), {
      body: '{"a":1}',
      content: { a: 1 },
    });
    assert.deepEqual(outputsFromTrace(new Trace({ events: [response("null")] })), {
      body: "null",
      content: null,
    });
    assert.deepEqual(outputsFromTrace(new Trace({ events: [response("Paris")] })), {
      body: "Paris",
      content: "Paris",
    });
    assert.deepEqual(
      outputsFromTrace(new Trace({ events: [response("early"), response(null)] })),
      {},
    );
    assert.deepEqual(outputsFromTrace(new Trace()), {});
  });
});

describe("InMemoryTraceSource", () => {
  it("lists refs in order, loads the last duplicate, and rejects an unknown id clearly", async () => {
    const first = new Trace({ durationMs: 1 });
    const last = new Trace({ durationMs: 2 });
    const source = new InMemoryTraceSource([
      [{ traceId: "t1", taskId: "a" }, first],
      [{ traceId: "t2" }, new Trace()],
      [{ traceId: "t1", taskId: "a" }, last],
    ]);
    const refs = [];
    for await (const ref of source.list()) refs.push(ref.traceId);
    assert.deepEqual(refs, ["t1", "t2", "t1"]);
    assert.equal(await source.load({ traceId: "t1" }), last);
    await assert.rejects(source.load({ traceId: "zz" }), {
      name: "TraceNotFoundError",
      message: "InMemoryTraceSource has no trace with traceId 'zz' (it holds 2)",
    });
  });
});
