import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { context, ROOT_CONTEXT, type Span, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { TaskTracer } from "./task-tracer.js";

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

function setup() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const claimed: Span[] = [];
  const tracer = new TaskTracer(
    provider.getTracer("t"),
    { "ag2.eval.task_id": "t1", team: "search" },
    (span) => claimed.push(span),
  );
  return { exporter, tracer, claimed };
}

describe("TaskTracer", () => {
  it("stamps the task's attributes on every span (the span's own win) and claims it", () => {
    const { tracer, claimed } = setup();
    const span = tracer.startSpan("s", { attributes: { team: "ranking" } });
    span.end();
    assert.deepEqual(claimed, [span]);
    const attributes = (span as unknown as { attributes: Record<string, unknown> }).attributes;
    assert.deepEqual(attributes, { "ag2.eval.task_id": "t1", team: "ranking" });
  });

  it("startActiveSpan, in each of its three forms, runs the callback with the span active", () => {
    const { tracer, claimed } = setup();
    const parent = tracer.startSpan("parent");
    const parentContext = trace.setSpan(ROOT_CONTEXT, parent);
    const seen: Array<[string, boolean]> = [];
    const check = (span: Span) => {
      seen.push([
        (span as unknown as { name: string }).name,
        trace.getSpan(context.active()) === span,
      ]);
      span.end();
      return span.spanContext().traceId;
    };
    tracer.startActiveSpan("a", check);
    tracer.startActiveSpan("b", { attributes: { x: 1 } }, check);
    const traceId = tracer.startActiveSpan("c", {}, parentContext, check);
    assert.equal(traceId, parent.spanContext().traceId, "the explicit parent context is used");
    assert.equal(claimed.length, 4);
    assert.deepEqual(seen, [
      ["a", true],
      ["b", true],
      ["c", true],
    ]);
  });
});
