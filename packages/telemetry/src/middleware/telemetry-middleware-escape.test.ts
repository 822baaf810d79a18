import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { describe, it } from "node:test";
import type { Middleware } from "@ag2/eval-core";
import { runHook } from "@ag2/eval-core/internal";
import { context, ROOT_CONTEXT, type Tracer, trace } from "@opentelemetry/api";
import type { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { startTracedTask } from "../tracing/traced-task.test-helper.js";
import { tick } from "./fake-agents.test-helper.js";
import { TelemetryMiddleware } from "./telemetry-middleware.js";

const startTask = (taskId: string) => startTracedTask(taskId, { onWarning: () => {} });

const modelCall = (middleware: readonly Middleware[]) =>
  runHook(
    middleware,
    "onModelCall",
    { messages: [{ role: "user", content: "x" }], tools: [] },
    async () => {
      await tick();
      return { type: "ModelResponse" as const, content: "hi" };
    },
  );

/** The chat span is the planner turn's child, and the task's trace id is the turn's. */
async function assertNested(seen: InMemorySpanExporter, traceId: string): Promise<void> {
  const spans = seen.getFinishedSpans();
  const turn = spans.find((s) => s.name === "invoke_agent planner");
  const chat = spans.find((s) => s.name.startsWith("chat"));
  assert.ok(turn && chat);
  assert.equal(chat.parentSpanContext?.spanId, turn.spanContext().spanId);
  assert.equal(chat.spanContext().traceId, turn.spanContext().traceId);
  assert.equal(traceId, turn.spanContext().traceId);
}

// Code inside a turn may run in a context that does not descend from the turn's: a library
// switching to the root context, or an emitter bound before the task started. The turn still
// owns what is recorded there.
describe("TelemetryMiddleware when the code leaves the turn's context", () => {
  it("a model call inside context.with(ROOT_CONTEXT) stays under its turn", async () => {
    const { seen, task } = startTask("root");
    await runHook(task.middleware, "onTurn", { agentName: "planner", input: "x" }, async () => {
      await context.with(ROOT_CONTEXT, () => modelCall(task.middleware));
      return { content: "x" };
    });
    const traced = await task.finish({ durationMs: 1 });
    await assertNested(seen, traced.traceId);
  });

  it("a model call from a listener bound to a context captured before the task stays under its turn", async () => {
    startTask("warm-up"); // installs the context manager, as a previous run would have
    const early = context.bind(context.active(), new EventEmitter());
    const { seen, task } = startTask("bound");
    await runHook(task.middleware, "onTurn", { agentName: "planner", input: "x" }, async () => {
      const answered = new Promise((resolve) => {
        early.once("go", () => {
          modelCall(task.middleware).then(resolve);
        });
      });
      await tick();
      early.emit("go");
      await answered;
      return { content: "x" };
    });
    const traced = await task.finish({ durationMs: 1 });
    await assertNested(seen, traced.traceId);
  });

  it("a person asked under a library's own root span is asked by the running agent", async () => {
    const { seen, task } = startTask("human");
    const helper = new TelemetryMiddleware({ tracer: task.tracer as Tracer });
    await runHook(task.middleware, "onTurn", { agentName: "planner", input: "x" }, () =>
      runHook([helper], "onTurn", { agentName: "helper", input: "y" }, async () => {
        const library = trace.getTracer("lib").startSpan("lib-root", {}, ROOT_CONTEXT);
        await context.with(trace.setSpan(ROOT_CONTEXT, library), () =>
          runHook(
            [helper],
            "onHumanInput",
            { type: "HumanInputRequest", prompt: "?" },
            async () => ({
              type: "HumanMessage" as const,
              content: "ok",
            }),
          ),
        );
        library.end();
        return { content: "y" };
      }),
    );
    await task.finish({ durationMs: 1 });
    const names = seen.getFinishedSpans().map((s) => s.name);
    assert.ok(names.includes("await_human_input helper"), names.join(", "));
  });

  it("two model calls outside any turn stay siblings (no turn to fall back on)", async () => {
    const { seen, task } = startTask("siblings");
    await Promise.all([modelCall(task.middleware), modelCall(task.middleware)]);
    await task.finish({ durationMs: 1 });
    const chats = seen.getFinishedSpans().filter((s) => s.name.startsWith("chat"));
    assert.equal(chats.length, 2);
    const ids = new Set(chats.map((s) => s.spanContext().spanId));
    for (const chat of chats) assert.ok(!ids.has(chat.parentSpanContext?.spanId ?? ""));
  });
});
