import assert from "node:assert/strict";
import { executionAsyncResource } from "node:async_hooks";
import { describe, it } from "node:test";
import { runHook } from "@ag2/eval-core/internal";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { TelemetryMiddleware } from "./telemetry-middleware.js";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The symbol-keyed slots Node attached to the async resource the caller runs in. */
async function slotsOnAFreshResource(): Promise<number> {
  await tick();
  return Object.getOwnPropertySymbols(executionAsyncResource()).length;
}

describe("TelemetryMiddleware scopes", () => {
  it("costs no per-instance async storage, so a run of many tasks stays linear", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const turn = (middleware: TelemetryMiddleware, input: string) =>
      runHook([middleware], "onTurn", { agentName: "a", input }, async () => {
        await tick();
        return { content: input };
      });
    await turn(new TelemetryMiddleware({ tracerProvider: provider }), "warm-up");
    const before = await slotsOnAFreshResource();
    // one middleware per task, as otelTracing builds them
    for (let i = 0; i < 200; i++)
      await turn(new TelemetryMiddleware({ tracerProvider: provider }), `t${i}`);
    assert.equal(await slotsOnAFreshResource(), before);
    assert.equal(exporter.getFinishedSpans().length, 201);
  });

  it("keeps each instance's agent name to its own calls when two instances nest", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const outer = new TelemetryMiddleware({ tracerProvider: provider });
    const inner = new TelemetryMiddleware({ tracerProvider: provider });
    const ask = (middleware: TelemetryMiddleware) =>
      runHook(
        [middleware],
        "onHumanInput",
        { type: "HumanInputRequest", prompt: "?" },
        async () => ({
          type: "HumanMessage" as const,
          content: "ok",
        }),
      );
    await runHook([outer], "onTurn", { agentName: "planner", input: "x" }, async () => {
      await runHook([inner], "onTurn", { agentName: "helper", input: "y" }, async () => {
        await ask(inner);
        await ask(outer);
        return { content: "y" };
      });
      return { content: "x" };
    });
    const humans = exporter
      .getFinishedSpans()
      .filter((span) => span.name.startsWith("await_human_input"))
      .map((span) => span.name);
    assert.deepEqual(humans, ["await_human_input helper", "await_human_input planner"]);
  });
});
