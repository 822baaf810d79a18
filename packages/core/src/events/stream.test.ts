import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { consoleReporter, createConsoleReporter } from "./console-reporter.js";
import { type EvalEvent, evalEvent } from "./lifecycle-events.js";
import { createStream } from "./stream.js";

const base = { runId: "r1", label: null };

describe("createStream", () => {
  it("delivers events to every subscriber until it unsubscribes", () => {
    const stream = createStream();
    const seen: string[] = [];
    const off = stream.subscribe((event) => {
      seen.push(`a:${event.type}`);
    });
    stream.subscribe((event) => {
      seen.push(`b:${event.type}`);
    });
    stream.publish(evalEvent({ ...base, type: "EvalStarted", suite: "s", total: 1 }));
    off();
    stream.publish(
      evalEvent({ ...base, type: "PairwiseCompared", taskId: "t", key: "k", winner: "a" }),
    );
    assert.deepEqual(seen, ["a:EvalStarted", "b:EvalStarted", "b:PairwiseCompared"]);
  });

  it("collects a throwing and a rejecting subscriber without stopping the others", async () => {
    const reported: string[] = [];
    const stream = createStream({ onError: (failure) => reported.push(failure.error.message) });
    let delivered = 0;
    stream.subscribe(() => {
      throw new TypeError("sync boom");
    });
    stream.subscribe(async () => {
      throw new RangeError("async boom");
    });
    stream.subscribe(() => {
      delivered++;
    });
    stream.publish(evalEvent({ ...base, type: "EvalStarted", suite: "s", total: 1 }));
    await new Promise((r) => setImmediate(r));
    assert.equal(delivered, 1);
    assert.deepEqual(
      stream.errors.map((e) => [e.event.type, e.error.type, e.error.message]),
      [
        ["EvalStarted", "TypeError", "sync boom"],
        ["EvalStarted", "RangeError", "async boom"],
      ],
    );
    assert.deepEqual(reported, ["sync boom", "async boom"]);
  });

  it("iterates events published after iteration starts, until close()", async () => {
    const stream = createStream();
    const collected = (async () => {
      const types: string[] = [];
      for await (const event of stream) types.push(event.type);
      return types;
    })();
    await new Promise((r) => setImmediate(r));
    stream.publish(evalEvent({ ...base, type: "EvalStarted", suite: "s", total: 2 }));
    stream.publish(
      evalEvent({ ...base, type: "TaskEvaluated", taskId: "a", feedback: [], variant: null }),
    );
    stream.close();
    assert.deepEqual(await collected, ["EvalStarted", "TaskEvaluated"]);
  });
});

describe("consoleReporter", () => {
  const events: EvalEvent[] = [
    evalEvent({ runId: "r1", label: "nightly", type: "EvalStarted", suite: "qa", total: 3 }),
    evalEvent({ ...base, type: "EvalStarted", suite: "qa", total: 3 }),
    evalEvent({ ...base, type: "VariantStarted", variant: "gpt", index: 1, total: 2 }),
    evalEvent({
      ...base,
      type: "TaskEvaluated",
      taskId: "t1",
      variant: "gpt",
      feedback: [
        { key: "a", score: true },
        { key: "b", score: 1 },
        { key: "c", score: false },
      ],
    }),
    evalEvent({ ...base, type: "TaskEvaluated", taskId: "t2", variant: null, feedback: [] }),
    evalEvent({ ...base, type: "VariantCompleted", variant: "gpt", result: {} as never }),
    evalEvent({
      ...base,
      label: "x",
      type: "PairwiseStarted",
      variantA: "A1",
      variantB: "B1",
      total: 4,
    }),
    evalEvent({ ...base, type: "PairwiseCompared", taskId: "t1", key: "judge", winner: "tie" }),
    evalEvent({ ...base, type: "PairwiseCompleted", result: null }),
    evalEvent({ ...base, type: "EvalCompleted", result: {} as never }),
  ];

  it("prints the reference's lines and nothing for EvalCompleted", () => {
    const lines: string[] = [];
    const report = createConsoleReporter({ write: (line) => lines.push(line) });
    for (const event of events) report(event);
    assert.deepEqual(lines, [
      "[nightly] running 3 task-run(s) over 'qa'...",
      "running 3 task-run(s) over 'qa'...",
      "  → variant gpt (1/2)",
      "    [gpt] t1: 1/3 passed",
      "    t2: 0/0 passed",
      "  ✓ variant gpt done",
      "[x] comparing 'B1' (B) vs 'A1' (A) over 4 pair(s)...",
      "    t1 [judge]: tie",
      "  ✓ pairwise r1 done",
    ]);
  });

  it("writes to console.log by default", (t) => {
    const logged: unknown[] = [];
    t.mock.method(console, "log", (line: unknown) => logged.push(line));
    consoleReporter(events[1] as EvalEvent);
    assert.deepEqual(logged, ["running 3 task-run(s) over 'qa'..."]);
  });
});
