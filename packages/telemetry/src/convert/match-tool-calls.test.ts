import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TraceEvent } from "@ag2/eval-core";
import { matchToolCalls } from "./match-tool-calls.js";

const request = (calls: { id: string; name: string; arguments: string }[]): TraceEvent => ({
  type: "ModelResponse",
  content: null,
  toolCalls: calls,
});

describe("matchToolCalls", () => {
  it("gives made-up ids the model's, by name in request order, and moves results along", () => {
    const first: TraceEvent = { type: "ToolCallEvent", id: "x1", name: "f", arguments: "{}" };
    const second: TraceEvent = { type: "ToolCallEvent", id: "x2", name: "f", arguments: "{}" };
    const events: TraceEvent[] = [
      request([
        { id: "c1", name: "f", arguments: "{}" },
        { id: "c2", name: "f", arguments: "{}" },
      ]),
      first,
      { type: "ToolResultEvent", parentId: "x1", name: "f", result: "one" },
      second,
      { type: "ToolErrorEvent", parentId: "x2", name: "f", error: { type: "E", message: "m" } },
    ];
    const matched = matchToolCalls(events, new WeakSet([first, second]));
    assert.deepEqual(
      matched.map((e) => ("id" in e ? e.id : "parentId" in e ? e.parentId : "-")),
      ["-", "c1", "c1", "c2", "c2"],
    );
  });

  it("never renames an id the span carried, even when no request has it", () => {
    const events: TraceEvent[] = [
      request([{ id: "c1", name: "f", arguments: "{}" }]),
      { type: "ToolCallEvent", id: "own", name: "f", arguments: "{}" },
    ];
    assert.equal(matchToolCalls(events, new WeakSet()), events);
  });

  it("takes the model's arguments only when the span's are not a JSON object", () => {
    const events: TraceEvent[] = [
      request([
        { id: "c1", name: "f", arguments: '{"city":"Paris"}' },
        { id: "c2", name: "f", arguments: '{"city":"Oslo"}' },
      ]),
      { type: "ToolCallEvent", id: "c1", name: "f", arguments: "Paris" },
      { type: "ToolCallEvent", id: "c2", name: "f", arguments: '{"city":"Oslo","unit":"C"}' },
    ];
    const calls = matchToolCalls(events, new WeakSet()).filter((e) => e.type === "ToolCallEvent");
    assert.deepEqual(
      calls.map((e) => e.arguments),
      ['{"city":"Paris"}', '{"city":"Oslo","unit":"C"}'],
    );
  });
});
