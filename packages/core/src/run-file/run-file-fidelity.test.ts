import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventTracing } from "../agent/event-tracing.js";
import { evaluateTraces } from "../evaluate/evaluate-traces.js";
import { runAgent } from "../run/run-agent.js";
import { runResultToJsonText } from "../run-file/write-run-file.js";
import { parseRunFile } from "../run-result/parse-run-file.js";
import type { RunResult } from "../run-result/run-result.js";
import { scorer } from "../scoring/scorer.js";
import { InMemoryTraceSource } from "../trace/in-memory-trace-source.js";
import { Trace } from "../trace/trace.js";

const answered = scorer(({ outputs }) => outputs.body !== undefined, { key: "answered" });

/** What a store writes and reads back: the file's text, checked as the reader checks it. */
function roundTrip(run: RunResult): RunResult {
  return parseRunFile(runResultToJsonText(run), { source: "run.json" });
}

describe("run files keep what was graded", () => {
  it("writes a JS Error given as a trace's exception as { type, message }, and loads it back", async () => {
    const crashed = new Trace({
      events: [],
      exception: new RangeError("quota exhausted") as never,
      durationMs: 3,
    });
    const result = await evaluateTraces(
      new InMemoryTraceSource([[{ traceId: "x", taskId: "a" }, crashed]]),
      { scorers: [answered], store: null },
    );
    const loaded = roundTrip(result);
    assert.equal(loaded.tasks[0]?.trace.exception?.type, "RangeError");
    assert.equal(loaded.tasks[0]?.trace.exception?.message, "quota exhausted");
    assert.equal(loaded.aggregates.errors, 1);
  });

  it("keeps the answer of an agent without model responses in the run file as outputs", async () => {
    const result = await runAgent(
      [
        { task_id: "a", inputs: { input: "hi" } },
        { task_id: "b", inputs: { input: "json" } },
      ],
      {
        agent: {
          name: "plain",
          ask: async (input: string) => (input === "json" ? { content: '{"n":1}' } : "hello"),
        },
        scorers: [answered],
        store: null,
        tracing: eventTracing(),
      },
    );
    const json = result.toJSON() as { tasks: { outputs?: unknown }[] };
    assert.deepEqual(json.tasks[0]?.outputs, { body: "hello", content: "hello" });
    assert.deepEqual(json.tasks[1]?.outputs, { body: '{"n":1}', content: { n: 1 } });
    const loaded = roundTrip(result);
    assert.deepEqual(loaded.tasks[0]?.outputs, { body: "hello", content: "hello" });
    assert.deepEqual(loaded.tasks[1]?.outputs, { body: '{"n":1}', content: { n: 1 } });
  });

  it("writes no outputs key when the trace's last model response holds the answer", async () => {
    const result = await evaluateTraces(
      new InMemoryTraceSource([
        [
          { traceId: "x", taskId: "a" },
          new Trace({ events: [{ type: "ModelResponse", content: "hi" }], durationMs: 1 }),
        ],
      ]),
      { scorers: [answered], store: null },
    );
    const json = result.toJSON() as unknown as { tasks: Record<string, unknown>[] };
    assert.equal("outputs" in (json.tasks[0] ?? {}), false);
    assert.equal(roundTrip(result).tasks[0]?.outputs, undefined);
  });
});

describe("target", () => {
  it("is the agent's name when it has one, else its class name", async () => {
    class WeatherAgent {
      constructor(readonly name: string) {}
      async ask(input: string) {
        return input;
      }
    }
    class Nameless {
      async ask(input: string) {
        return input;
      }
    }
    const run = (agent: never) =>
      runAgent([{ task_id: "a", inputs: { input: "hi" } }], {
        agent,
        scorers: [],
        store: null,
        tracing: eventTracing(),
      });
    assert.equal((await run(new WeatherAgent("weather") as never)).target, "weather");
    assert.equal((await run(new Nameless() as never)).target, "Nameless");
  });
});
