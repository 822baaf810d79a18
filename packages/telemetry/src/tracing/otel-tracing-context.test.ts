import assert from "node:assert/strict";
import { executionAsyncResource } from "node:async_hooks";
import { describe, it } from "node:test";
import { runHook } from "@ag2/eval-core/internal";
import { context } from "@opentelemetry/api";
import { tick } from "../middleware/fake-agents.test-helper.js";
import { TelemetryMiddleware } from "../middleware/telemetry-middleware.js";
import { startTracedTask } from "./traced-task.test-helper.js";

/** The symbol-keyed slots Node attached to a fresh async resource: one per enabled storage. */
async function slotsOnAFreshResource(): Promise<number> {
  await tick();
  return Object.getOwnPropertySymbols(executionAsyncResource()).length;
}

const startTask = (taskId: string) =>
  startTracedTask(taskId, { spanAttributes: { team: "search" } });

/** A planner turn that, after awaits, runs a helper agent's turn; both ask a person. */
async function nestedTurns(outer: TelemetryMiddleware, inner: TelemetryMiddleware) {
  const ask = (middleware: TelemetryMiddleware) =>
    runHook([middleware], "onHumanInput", { type: "HumanInputRequest", prompt: "?" }, async () => {
      await tick();
      return { type: "HumanMessage" as const, content: "ok" };
    });
  await runHook([outer], "onTurn", { agentName: "planner", input: "x" }, async () => {
    await tick();
    await runHook([inner], "onTurn", { agentName: "helper", input: "y" }, async () => {
      await tick();
      await ask(inner);
      await ask(outer);
      return { content: "y" };
    });
    await ask(outer);
    return { content: "x" };
  });
}

describe("otelTracing context", () => {
  it("carries each middleware's scope in the OpenTelemetry context across awaits, with no storage of its own", async () => {
    const { seen, task } = startTask("t1");
    const outer = task.middleware[0] as TelemetryMiddleware;
    const inner = new TelemetryMiddleware({ tracer: task.tracer as never });
    // the context manager's own storage is enabled by its first use
    context.with(context.active(), () => undefined);
    const before = await slotsOnAFreshResource();
    await nestedTurns(outer, inner);
    // a storage of the middleware's own would tag every promise of the process with one more slot
    assert.equal(await slotsOnAFreshResource(), before);
    const spans = seen.getFinishedSpans();
    const byName = (name: string) => spans.filter((span) => span.name === name);
    const [planner] = byName("invoke_agent planner");
    const [helper] = byName("invoke_agent helper");
    assert.ok(planner && helper);
    assert.equal(helper.parentSpanContext?.spanId, planner.spanContext().spanId);
    const humans = spans.filter((span) => span.name.startsWith("await_human_input"));
    assert.deepEqual(
      humans.map((span) => [span.name, span.parentSpanContext?.spanId]),
      [
        ["await_human_input helper", helper.spanContext().spanId],
        ["await_human_input planner", helper.spanContext().spanId],
        ["await_human_input planner", planner.spanContext().spanId],
      ],
    );
    const traced = await task.finish({ durationMs: 1 });
    for (const span of spans) assert.equal(span.spanContext().traceId, traced.traceId);
  });

  it("puts the task's attributes first on the middleware's spans, then the span's own", async () => {
    const { seen, task } = startTask("t2");
    const middleware = task.middleware[0] as TelemetryMiddleware;
    await runHook([middleware], "onTurn", { agentName: "planner", input: "x" }, async () => ({
      content: "y",
    }));
    const [turn] = seen.getFinishedSpans();
    assert.deepEqual(Object.keys(turn?.attributes ?? {}), [
      "ag2.eval.run_id",
      "ag2.eval.task_id",
      "team",
      "ag2.span.type",
      "gen_ai.operation.name",
      "gen_ai.agent.name",
      "gen_ai.input.messages",
      "gen_ai.output.messages",
    ]);
    assert.equal(turn?.attributes["ag2.eval.task_id"], "t2");
  });

  // last in this file: it turns the process's context manager off
  it("falls back to its own storage once the context manager is disabled", async () => {
    const { seen, task } = startTask("t3");
    context.disable();
    const outer = task.middleware[0] as TelemetryMiddleware;
    await nestedTurns(outer, new TelemetryMiddleware({ tracer: task.tracer as never }));
    const spans = seen.getFinishedSpans();
    const [planner] = spans.filter((span) => span.name === "invoke_agent planner");
    const [helper] = spans.filter((span) => span.name === "invoke_agent helper");
    assert.ok(planner && helper);
    // each instance still finds its own turn across awaits (with no context manager, spans of
    // another instance are not linked to it: that needs the manager)
    const humans = spans.filter((span) => span.name.startsWith("await_human_input"));
    assert.deepEqual(
      humans.map((span) => [span.name, span.parentSpanContext?.spanId]),
      [
        ["await_human_input helper", helper.spanContext().spanId],
        ["await_human_input planner", planner.spanContext().spanId],
        ["await_human_input planner", planner.spanContext().spanId],
      ],
    );
  });
});
