import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SpanData } from "../spans/span-data.js";
import { span } from "../spans/span-fixtures.test-helper.js";
import { spansToTrace } from "./spans-to-trace.js";

function tool(id: string, startMs: number, parent: string | null = "root"): SpanData {
  return span(`execute_tool ${id}`, id, parent, startMs, startMs + 1, {
    "ag2.span.type": "tool",
    "gen_ai.tool.name": id,
    "gen_ai.tool.call.id": id,
    "gen_ai.tool.call.result": "ok",
  });
}

/** The tool names in the order the trace lists their calls. */
function callOrder(spans: readonly SpanData[]): string[] {
  return spansToTrace(spans, { durationMs: 1 })
    .eventsOf("ToolCallEvent")
    .map((call) => call.name);
}

describe("spansToTrace ordering", () => {
  // a task's few spans take a hand-written path, a long file the built-in sort: same result
  for (const count of [5, 40]) {
    it(`orders ${count} spans by start, ties in given order, the first of each id only`, () => {
      const spans: SpanData[] = [];
      for (let i = 0; i < count; i++) spans.push(tool(`t${i}`, (i * 7) % 5));
      // a later copy of t1 with another start is dropped, not sorted in
      spans.push({ ...tool("t1", 0), name: "duplicate" });
      const expected = spans
        .slice(0, count)
        .map((s, index) => ({
          name: String(s.attributes["gen_ai.tool.name"]),
          start: (index * 7) % 5,
          index,
        }))
        .sort((a, b) => a.start - b.start || a.index - b.index)
        .map((s) => s.name);
      assert.deepEqual(callOrder(spans), expected);
    });
  }

  it("takes the earliest parentless agent span as the root, a span whose parent is missing included", () => {
    const agent = (id: string, startMs: number, parent: string | null, status: "OK" | "ERROR") =>
      span(
        `invoke_agent ${id}`,
        id,
        parent,
        startMs,
        startMs + 10,
        { "ag2.span.type": "agent" },
        {
          status,
        },
      );
    const spans = [
      tool("t0", 0, null),
      agent("inner", 1, "outer", "OK"),
      agent("outer", 2, "gone", "ERROR"),
      agent("later", 3, null, "OK"),
    ];
    assert.equal(spansToTrace(spans, { durationMs: 1 }).exception?.type, "Error");
    const many = [...spans, ...Array.from({ length: 20 }, (_, i) => tool(`x${i}`, 50 + i))];
    assert.equal(spansToTrace(many, { durationMs: 1 }).exception?.type, "Error");
  });
});
