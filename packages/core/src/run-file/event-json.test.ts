import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TraceEvent } from "../trace/trace-events.js";
import { eventFromJSON, eventToJSON } from "./event-json.js";
import { traceEventSchema } from "./run-file-schema.js";

const events: TraceEvent[] = [
  {
    type: "ModelResponse",
    content: null,
    toolCalls: [{ id: "c1", name: "get_weather", arguments: '{"city":"Tokyo"}' }],
    usage: { inputTokens: 120, outputTokens: 18, cacheReadInputTokens: 4 },
    model: "gpt-4o",
    finishReason: "tool_calls",
    createdAt: 1_795_688_468_570,
  },
  {
    type: "ToolErrorEvent",
    parentId: "c1",
    name: "get_weather",
    error: { type: "TimeoutError", message: "slow" },
    createdAt: 1_795_688_468_571,
  },
];

describe("run-file events", () => {
  it("are written snake_case with created_at in epoch seconds, as the reference stamps them", () => {
    assert.deepEqual(eventToJSON(events[0] as TraceEvent), {
      type: "ModelResponse",
      content: null,
      tool_calls: [{ id: "c1", name: "get_weather", arguments: '{"city":"Tokyo"}' }],
      usage: { input_tokens: 120, output_tokens: 18, cache_read_input_tokens: 4 },
      model: "gpt-4o",
      finish_reason: "tool_calls",
      created_at: 1_795_688_468.57,
    });
    assert.deepEqual(Object.keys(eventToJSON(events[1] as TraceEvent)), [
      "type",
      "parent_id",
      "name",
      "error",
      "created_at",
    ]);
  });

  it("read back to the events they were written from", () => {
    for (const event of events) {
      const parsed = traceEventSchema.parse(
        eventFromJSON(JSON.parse(JSON.stringify(eventToJSON(event)))),
      );
      assert.deepEqual(parsed, event);
    }
  });

  it("renames every key the same way however many distinct keys came before", () => {
    // more distinct keys than the rename memo keeps: later ones are still renamed, not dropped
    for (let index = 0; index < 1500; index++) {
      const key = `field${index}Name`;
      const event = { type: "HumanMessage", content: "x", [key]: index } as unknown as TraceEvent;
      const json = eventToJSON(event);
      assert.equal(json[`field${index}_name`], index);
      assert.deepEqual(eventFromJSON(json), { ...event, [key]: index });
    }
  });
});
