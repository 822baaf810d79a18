import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { evaluateTraces } from "../evaluate/evaluate-traces.js";
import type { EvalEvent } from "../events/lifecycle-events.js";
import { createStream } from "../events/stream.js";
import { Suite } from "../suite/suite.js";
import { InMemoryTraceSource } from "../trace/in-memory-trace-source.js";
import { runAgent } from "./run-agent.js";
import { exact, options, records, reversed } from "./run-agent.test-helper.js";
import { deferred, InFlight, settle, TinyStore } from "./run-fixtures.test.js";

describe("runAgent: concurrency, storage, events, timeouts and cancellation", () => {
  it("keeps at most `concurrency` asks in flight", async () => {
    const inFlight = new InFlight();
    const gates: (() => void)[] = [];
    const agent: Agent = {
      name: "slow",
      async ask(input) {
        inFlight.enter();
        const gate = deferred();
        gates.push(gate.resolve);
        await gate.promise;
        inFlight.leave();
        return input;
      },
    };
    const suite = Array.from({ length: 9 }, (_, i) => ({
      task_id: `t${i}`,
      inputs: { input: `${i}` },
    }));
    const running = runAgent(suite, options({ agent, concurrency: 4 }));
    for (let released = 0; released < 9; released++) {
      await settle();
      assert.ok(inFlight.now <= 4, `in flight ${inFlight.now}`);
      gates.shift()?.();
    }
    const result = await running;
    assert.equal(inFlight.max, 4);
    assert.deepEqual(
      result.tasks.map((t) => t.task.taskId),
      suite.map((r) => r.task_id),
    );
  });

  it("saves through a store, and not with store: null", async () => {
    const store = new TinyStore();
    const saved = await runAgent(records, options({ store, runId: "kept" }));
    assert.equal(store.runs.get("kept"), saved);
    assert.equal(store.journals.size, 0, "the journal is discarded after the save");
    await runAgent(records, options({ store: null, runId: "not-kept" }));
    assert.equal(store.runs.has("not-kept"), false);
    assert.equal(store.saves, 1);
  });

  it("publishes lifecycle events and sets createdAt when the run starts", async () => {
    const stream = createStream();
    const events: EvalEvent[] = [];
    stream.subscribe((event) => {
      events.push(event);
    });
    const before = new Date().toISOString();
    const gate = deferred();
    const agent: Agent = {
      name: "g",
      ask: async (input) => {
        await gate.promise;
        return input;
      },
    };
    const running = runAgent(records, options({ agent, stream, variant: "v" }));
    await settle();
    const during = new Date().toISOString();
    // let the clock pass `during`, so a createdAt taken after production would be later
    const until = Date.now() + 3;
    while (Date.now() < until) await settle(1);
    gate.resolve();
    const result = await running;
    const created = Date.parse(result.createdAt);
    assert.ok(created >= Date.parse(before) && created <= Date.parse(during), result.createdAt);
    assert.match(result.createdAt, /\+00:00$/);
    assert.deepEqual(
      events.map((e) => e.type),
      ["EvalStarted", "TaskEvaluated", "TaskEvaluated", "EvalCompleted"],
    );
    assert.deepEqual(
      events
        .filter((e) => e.type === "TaskEvaluated")
        .map((e) => e.type === "TaskEvaluated" && e.variant),
      ["v", "v"],
    );
  });

  it("grades a live trace exactly as evaluateTraces grades the same trace", async () => {
    const live = await runAgent(records, options({ budgets: { maxTokensPerTask: 4 } }));
    const source = new InMemoryTraceSource(
      live.tasks.map((t) => [t.traceRef ?? { traceId: "?" }, t.trace] as const),
    );
    const regraded = await evaluateTraces(source, {
      scorers: [exact],
      suite: Suite.fromList(records),
      store: null,
      budgets: { maxTokensPerTask: 4 },
    });
    assert.deepEqual(
      regraded.tasks.map((t) => [t.feedback, t.budgetViolations]),
      live.tasks.map((t) => [t.feedback, t.budgetViolations]),
    );
    assert.equal(live.aggregates.budgetViolations, 2);
  });

  it("times out a task that ignores its signal, frees the slot and goes on", async () => {
    let sawAbort = false;
    const agent: Agent = {
      name: "stuck",
      ask: (input, opts) => {
        if (input !== "abc") return Promise.resolve(reversed(input));
        opts?.signal?.addEventListener("abort", () => (sawAbort = true));
        return new Promise(() => undefined); // never settles
      },
    };
    const result = await runAgent(records, options({ agent, concurrency: 1, taskTimeoutMs: 20 }));
    assert.equal(result.tasks[0]?.trace.exception?.type, "TaskTimeoutError");
    assert.match(result.tasks[0]?.trace.exception?.message ?? "", /task 'a' timed out after 20 ms/);
    assert.equal(result.tasks[1]?.feedback[0]?.score, true);
    assert.equal(sawAbort, true);
  });

  it("cancellation rejects with the signal's reason and aborts the running asks", async () => {
    const controller = new AbortController();
    const aborted: string[] = [];
    const agent: Agent = {
      name: "waits",
      ask: (input, opts) =>
        new Promise((_, reject) => {
          opts?.signal?.addEventListener("abort", () => {
            aborted.push(input);
            reject(opts.signal?.reason);
          });
        }),
    };
    const suite = Array.from({ length: 5 }, (_, i) => ({
      task_id: `t${i}`,
      inputs: { input: `${i}` },
    }));
    const running = runAgent(suite, options({ agent, concurrency: 2, signal: controller.signal }));
    await settle();
    controller.abort(new Error("stop"));
    await assert.rejects(running, /stop/);
    assert.deepEqual(aborted.sort(), ["0", "1"]);
  });

  it("refuses invalid options", async () => {
    await assert.rejects(
      runAgent(records, options({ agent: {} as never })),
      /option 'agent' must be an Agent/,
    );
    await assert.rejects(
      runAgent(records, options({ tracing: undefined as never })),
      /option 'tracing' must be a Tracing/,
    );
    await assert.rejects(
      runAgent(records, options({ repeats: 1.5 })),
      /option 'repeats' must be an integer; got 1.5/,
    );
    await assert.rejects(
      runAgent(records, options({ taskTimeoutMs: -1 })),
      /option 'taskTimeoutMs'/,
    );
    await assert.rejects(runAgent(42 as never, options()), /suite must be a Suite, a JSONL path/);
  });
});
