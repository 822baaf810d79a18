import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Context, createContextKey, ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { LinkedContext, withSpan } from "./linked-context.js";

const A = createContextKey("a");
const B = createContextKey("b");
const span = trace.wrapSpanContext({
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanId: "b7ad6b7169203331",
  traceFlags: 1,
});

describe("LinkedContext", () => {
  it("reads its own value, else its parent's, and derives like any context", () => {
    const parent = ROOT_CONTEXT.setValue(A, 1);
    const linked = new LinkedContext(parent, B, 2);
    assert.deepEqual([linked.getValue(A), linked.getValue(B)], [1, 2]);
    const over = linked.setValue(A, 3);
    assert.deepEqual([over.getValue(A), over.getValue(B)], [3, 2]);
    const removed = over.deleteValue(B);
    assert.deepEqual([removed.getValue(A), removed.getValue(B)], [3, undefined]);
    assert.deepEqual([linked.getValue(A), linked.getValue(B)], [1, 2], "the original is unchanged");
  });

  it("withSpan holds the span where the OpenTelemetry API looks for it, keeping the parent's values", () => {
    const context = withSpan(ROOT_CONTEXT.setValue(A, "kept"), span);
    assert.equal(trace.getSpan(context), span);
    assert.equal(trace.getSpanContext(context)?.spanId, "b7ad6b7169203331");
    assert.equal(context.getValue(A), "kept");
    assert.equal(trace.getSpan(trace.deleteSpan(context)), undefined);
  });

  it("looks a value up through a chain deeper than the call stack allows", () => {
    let context: Context = new LinkedContext(ROOT_CONTEXT, A, "bottom");
    for (let i = 0; i < 100_000; i++) context = context.setValue(B, i);
    assert.equal(context.getValue(A), "bottom");
    assert.equal(context.getValue(createContextKey("missing")), undefined);
  });
});
