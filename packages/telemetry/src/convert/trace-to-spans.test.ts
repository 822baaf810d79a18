import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Ag2EvalError, Trace } from "@ag2/eval-core";
import { traceFixtures } from "@ag2/eval-core/testing";
import { spansToTrace } from "./spans-to-trace.js";
import { traceToSpans } from "./trace-to-spans.js";

describe("traceToSpans", () => {
  it("round-trips through spansToTrace: events with createdAt, tokens, exception, duration", () => {
    for (const { traceId, taskId, trace } of traceFixtures()) {
      const spans = traceToSpans(trace, { traceId, taskId });
      assert.ok(spans.every((span) => span.traceId === traceId));
      assert.equal(spans[0]?.attributes["ag2.eval.task_id"], taskId);
      assert.equal(new Set(spans.map((span) => span.spanId)).size, spans.length);
      const back = spansToTrace(spans);
      // Events without createdAt take their span's start; absent provider and finish
      // reason read back as null.
      const given = trace.events.map((event, i) => ({
        ...event,
        ...(event.type === "ModelResponse"
          ? { provider: event.provider ?? null, finishReason: event.finishReason ?? null }
          : {}),
        createdAt: event.createdAt ?? back.events[i]?.createdAt,
      }));
      assert.deepEqual(back.events, given);
      assert.deepEqual(back.tokens, trace.tokens);
      assert.deepEqual(back.exception, trace.exception);
      assert.equal(back.durationMs, trace.durationMs);
    }
  });

  it("keeps provider, finish reason, the cache mark and a stack trace", () => {
    const trace = new Trace({
      durationMs: 12,
      exception: { type: "Boom", message: "bad", stack: "Boom: bad\n    at x" },
      events: [
        {
          type: "ModelResponse",
          content: "hi",
          model: "m",
          provider: "openai",
          finishReason: "stop",
          cached: true,
          createdAt: 5,
        },
      ],
    });
    const back = spansToTrace(traceToSpans(trace));
    assert.deepEqual(back.events, trace.events);
    assert.deepEqual(back.exception, trace.exception);
  });

  it("refuses a tool call without its outcome right after it, naming the event", () => {
    const trace = new Trace({
      events: [
        { type: "ToolCallEvent", id: "c1", name: "search", arguments: "{}" },
        { type: "ModelResponse", content: "done" },
      ],
    });
    assert.throws(
      () => traceToSpans(trace),
      (error: unknown) => {
        assert.ok(Ag2EvalError.isInstance(error));
        assert.match(
          error.message,
          /event 0 \(ToolCallEvent 'search', id 'c1'\): got a ModelResponse/,
        );
        return true;
      },
    );
    const orphan = new Trace({
      events: [{ type: "ToolResultEvent", parentId: "c9", name: "search", result: "x" }],
    });
    assert.throws(() => traceToSpans(orphan), /event 0 \(ToolResultEvent 'search'\)/);
  });
});
