import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenUsage } from "./token-usage.js";
import { Trace } from "./trace.js";
import type { TraceEvent } from "./trace-events.js";

const events: TraceEvent[] = [
  { type: "HumanMessage", content: "hi" },
  {
    type: "ModelResponse",
    content: null,
    usage: { inputTokens: 10, outputTokens: 4, cacheReadInputTokens: 6 },
  },
  { type: "ToolCallEvent", id: "c1", name: "search", arguments: "{}" },
  { type: "ToolResultEvent", parentId: "c1", name: "search", result: "r1" },
  { type: "ToolCallEvent", id: "c2", name: "fetch", arguments: "{}" },
  {
    type: "ToolErrorEvent",
    parentId: "c2",
    name: "fetch",
    error: { type: "TimeoutError", message: "slow" },
  },
  { type: "ToolCallEvent", id: "c3", name: "search", arguments: "{}" },
  { type: "ToolResultEvent", parentId: "c3", name: "search", result: "r3" },
  {
    type: "ModelResponse",
    content: "done",
    usage: { inputTokens: 20, outputTokens: null, cacheCreationInputTokens: 3 },
  },
  { type: "ModelResponse", content: "no usage" },
];

describe("Trace", () => {
  it("eventsOf returns the events of one type in order, and only those named `name` with it", () => {
    const trace = new Trace({ events });
    assert.deepEqual(
      trace.eventsOf("ToolCallEvent").map((e) => e.id),
      ["c1", "c2", "c3"],
    );
    assert.deepEqual(
      trace.eventsOf("ToolCallEvent", { name: "search" }).map((e) => e.id),
      ["c1", "c3"],
    );
    assert.deepEqual(trace.eventsOf("ToolCallEvent", { name: "missing" }), []);
    assert.equal(trace.eventsOf("ModelResponse").length, 3);
    assert.deepEqual(trace.eventsOf("HumanInputRequest"), []);
    // events without a name never match a name filter
    assert.deepEqual(trace.eventsOf("ModelResponse", { name: "done" }), []);
  });

  it("counts tool errors as tool results, but not the other way round", () => {
    const trace = new Trace({ events });
    assert.deepEqual(
      trace.eventsOf("ToolResultEvent").map((e) => [e.type, e.parentId]),
      [
        ["ToolResultEvent", "c1"],
        ["ToolErrorEvent", "c2"],
        ["ToolResultEvent", "c3"],
      ],
    );
    assert.deepEqual(
      trace.eventsOf("ToolResultEvent", { name: "fetch" }).map((e) => e.type),
      ["ToolErrorEvent"],
    );
    assert.deepEqual(
      trace.eventsOf("ToolErrorEvent").map((e) => e.parentId),
      ["c2"],
    );
  });

  it("sums model-response usage, treating missing or null counts as zero", () => {
    const trace = new Trace({ events });
    assert.deepEqual(
      trace.tokens,
      tokenUsage({ input: 30, output: 4, cacheCreation: 3, cacheRead: 6 }),
    );
    assert.equal(trace.tokens.total, 34);
    assert.deepEqual(new Trace().tokens, tokenUsage());
  });

  it("counts once: every read gets the same frozen totals", () => {
    const trace = new Trace({
      events: [{ type: "ModelResponse", content: "a", usage: { inputTokens: 3, outputTokens: 4 } }],
    });
    const first = trace.tokens;
    assert.equal(trace.tokens, first);
    assert.ok(Object.isFrozen(first));
    assert.equal(first.total, 7);
  });

  it("reports stored tokens only when there are no model responses", () => {
    const stored = tokenUsage({ input: 500, output: 70 });
    assert.deepEqual(new Trace({ tokens: stored }).tokens, stored);
    assert.deepEqual(
      new Trace({ tokens: stored, events: [{ type: "HumanMessage", content: "x" }] }).tokens,
      stored,
    );
    assert.deepEqual(
      new Trace({ tokens: stored, events }).tokens.total,
      34,
      "events win over stored totals",
    );
  });

  it("defaults to no events, no exception and zero duration, and freezes its events", () => {
    const trace = new Trace();
    assert.deepEqual(trace.events, []);
    assert.equal(trace.exception, null);
    assert.equal(trace.durationMs, 0);
    assert.ok(Object.isFrozen(new Trace({ events }).events));
  });
});
