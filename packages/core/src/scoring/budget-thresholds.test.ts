import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Trace } from "../trace/trace.js";
import type { TraceEvent } from "../trace/trace-events.js";
import { budgetViolations } from "./budget-thresholds.js";

// 2 model calls, 300 tokens (input + output), 3 tool calls, 2.5 seconds
const events: TraceEvent[] = [
  { type: "ModelResponse", content: null, usage: { inputTokens: 100, outputTokens: 50 } },
  { type: "ToolCallEvent", id: "1", name: "search", arguments: "{}" },
  { type: "ToolCallEvent", id: "2", name: "search", arguments: "{}" },
  { type: "ToolCallEvent", id: "3", name: "fetch", arguments: "{}" },
  { type: "ModelResponse", content: "done", usage: { inputTokens: 120, outputTokens: 30 } },
];
const trace = new Trace({ events, durationMs: 2500 });

describe("budgetViolations", () => {
  it("passes a task exactly at each limit (comparisons are strict)", () => {
    assert.deepEqual(
      budgetViolations(
        {
          maxTokensPerTask: 300,
          maxSecondsPerTask: 2.5,
          maxToolCallsPerTask: 3,
          maxModelCallsPerTask: 2,
        },
        trace,
      ),
      [],
    );
  });

  it("flags each limit one past it, with threshold and actual", () => {
    assert.deepEqual(budgetViolations({ maxTokensPerTask: 299 }, trace), [
      { limit: "maxTokensPerTask", threshold: 299, actual: 300 },
    ]);
    assert.deepEqual(budgetViolations({ maxSecondsPerTask: 2.499 }, trace), [
      { limit: "maxSecondsPerTask", threshold: 2.499, actual: 2.5 },
    ]);
    assert.deepEqual(budgetViolations({ maxToolCallsPerTask: 2 }, trace), [
      { limit: "maxToolCallsPerTask", threshold: 2, actual: 3 },
    ]);
    assert.deepEqual(budgetViolations({ maxModelCallsPerTask: 1 }, trace), [
      { limit: "maxModelCallsPerTask", threshold: 1, actual: 2 },
    ]);
  });

  it("lists violations in the order tokens, seconds, tool calls, model calls", () => {
    const all = budgetViolations(
      {
        maxModelCallsPerTask: 0,
        maxToolCallsPerTask: 0,
        maxSecondsPerTask: 0,
        maxTokensPerTask: 0,
      },
      trace,
    );
    assert.deepEqual(
      all.map((v) => v.limit),
      ["maxTokensPerTask", "maxSecondsPerTask", "maxToolCallsPerTask", "maxModelCallsPerTask"],
    );
  });

  it("ignores null and undefined limits, and no budgets at all", () => {
    assert.deepEqual(
      budgetViolations({ maxTokensPerTask: null, maxSecondsPerTask: undefined }, trace),
      [],
    );
    assert.deepEqual(budgetViolations(null, trace), []);
    assert.deepEqual(budgetViolations(undefined, trace), []);
  });
});
