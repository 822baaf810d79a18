import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { context, trace } from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { ensureContextManager } from "./ensure-context-manager.js";
import { TracerRouter } from "./tracer-router.js";

function recorder() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, tracer: provider.getTracer("task") };
}

const names = (exporter: InMemorySpanExporter) =>
  exporter
    .getFinishedSpans()
    .map((s) => s.name)
    .sort();

describe("TracerRouter", () => {
  ensureContextManager();

  it("sends spans to the tracer current in run(), concurrently, across awaits", async () => {
    const router = new TracerRouter();
    const tracer = router.getTracer("instrumentation");
    const a = recorder();
    const b = recorder();
    const work = (label: string) => async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      tracer.startSpan(`${label}-1`).end();
      await new Promise((resolve) => setTimeout(resolve, 1));
      tracer.startActiveSpan(`${label}-2`, (span) => span.end());
    };
    await Promise.all([router.run(a.tracer, work("a")), router.run(b.tracer, work("b"))]);
    assert.deepEqual(names(a.exporter), ["a-1", "a-2"]);
    assert.deepEqual(names(b.exporter), ["b-1", "b-2"]);
  });

  it("sends a child to its parent's tracer even when started from another task's context", () => {
    const router = new TracerRouter();
    const tracer = router.getTracer("instrumentation");
    const a = recorder();
    const b = recorder();
    const parent = router.run(a.tracer, () => tracer.startSpan("a-parent"));
    // as a framework does from a shared queue: the parent passed by context, run() of b current
    router.run(b.tracer, () => {
      const ctx = trace.setSpanContext(context.active(), parent.spanContext());
      tracer.startSpan("a-child", {}, ctx).end();
    });
    parent.end();
    assert.deepEqual(names(a.exporter), ["a-child", "a-parent"]);
    assert.deepEqual(names(b.exporter), []);
  });

  it("leaves spans outside any run to the global provider, and ignores a non-tracer", () => {
    const router = new TracerRouter();
    const a = recorder();
    const span = router.run({ not: "a tracer" }, () => router.getTracer("x").startSpan("outside"));
    span.end();
    assert.equal(span.isRecording(), false, "the global provider here is the no-op one");
    assert.deepEqual(names(a.exporter), []);
  });
});
