import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { EvalEvent } from "../events/lifecycle-events.js";
import { createStream } from "../events/stream.js";
import { deferred, InFlight, settle, TinyStore } from "../run/run-fixtures.test.js";
import { type Scorer, scorer } from "../scoring/scorer.js";
import { Suite } from "../suite/suite.js";
import { createTask } from "../suite/task.js";
import { InMemoryTraceSource } from "../trace/in-memory-trace-source.js";
import { Trace } from "../trace/trace.js";
import type { TraceRef, TraceSource } from "../trace/trace-source.js";
import { evaluateTraces } from "./evaluate-traces.js";

const answer = (content: string | null) =>
  new Trace({ events: [{ type: "ModelResponse", content }], durationMs: 5 });

const matches = scorer(
  ({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer,
  {
    key: "correct",
  },
);

const suite = new Suite(
  [
    createTask({ taskId: "a", inputs: { input: "1+1" }, referenceOutputs: { answer: "2" } }),
    createTask({ taskId: "b", inputs: { input: "2+2" }, referenceOutputs: { answer: "4" } }),
  ],
  { name: "math", source: "math.jsonl" },
);

describe("evaluateTraces", () => {
  it("grades in source order, joins the suite and grades unknown tasks reference-free", async () => {
    const source = new InMemoryTraceSource([
      [{ traceId: "t-b", taskId: "b" }, answer("4")],
      [{ traceId: "t-a", taskId: "a" }, answer("3")],
      [{ traceId: "t-x" }, answer("?")],
    ]);
    const result = await evaluateTraces(source, {
      scorers: [matches],
      suite,
      store: null,
      runId: "r1",
    });
    assert.deepEqual(
      result.tasks.map((t) => [t.task.taskId, t.feedback[0]?.score, t.traceRef?.traceId]),
      [
        ["b", true, "t-b"],
        ["a", false, "t-a"],
        ["t-x", false, "t-x"],
      ],
    );
    assert.deepEqual(result.tasks[2]?.task.inputs, {});
    assert.equal(result.target, "trace-source:InMemoryTraceSource");
    assert.deepEqual(result.suite, { name: "math", source: "math.jsonl", size: 2 });
    assert.equal(result.runId, "r1");
    assert.equal(result.passRate("correct"), 1 / 3);
  });

  it("without a suite, names it 'traces' and counts the refs", async () => {
    const source = new InMemoryTraceSource([[{ traceId: "t1", taskId: "a" }, answer("x")]]);
    const result = await evaluateTraces(source, { scorers: [], store: null });
    assert.deepEqual(result.suite, { name: "traces", source: "trace-source", size: 1 });
    assert.match(result.runId, /^[0-9a-f]{32}$/);
    assert.equal(result.concurrency, 4);
  });

  it("never has more than `concurrency` loads in flight, and keeps order when they finish out of order", async () => {
    const inFlight = new InFlight();
    const gates = new Map<string, { resolve: () => void }>();
    const refs: TraceRef[] = Array.from({ length: 10 }, (_, i) => ({
      traceId: `t${i}`,
      taskId: `k${i}`,
    }));
    const source: TraceSource = {
      async *list() {
        yield* refs;
      },
      async load(ref) {
        inFlight.enter();
        const gate = deferred();
        gates.set(ref.traceId, gate);
        await gate.promise;
        inFlight.leave();
        return answer(ref.traceId);
      },
    };
    const running = evaluateTraces(source, { scorers: [], store: null, concurrency: 3 });
    for (let round = 0; round < 10; round++) {
      await settle();
      assert.ok(inFlight.now <= 3, `in flight ${inFlight.now}`);
      // release the newest waiting load first, so completion order differs from source order
      const open = [...gates.entries()].reverse()[0];
      assert.ok(open, "a load is waiting");
      gates.delete(open[0]);
      open[1].resolve();
    }
    const result = await running;
    assert.equal(inFlight.max, 3);
    assert.deepEqual(
      result.tasks.map((t) => t.task.taskId),
      refs.map((r) => r.taskId),
    );
  });

  it("isolates a trace that fails to load and a scorer that returns an object, keeping the task's inputs", async () => {
    const bad: Scorer = scorer(
      ({ task }) => (task.taskId === "b" ? ({ not: "a grade" } as never) : true),
      { key: "picky" },
    );
    const source: TraceSource = {
      async *list() {
        yield { traceId: "t-a", taskId: "a" };
        yield { traceId: "t-b", taskId: "b" };
        yield { traceId: "t-gone", taskId: "a" };
      },
      async load(ref) {
        if (ref.traceId === "t-gone") throw new RangeError("trace t-gone expired");
        return answer("2");
      },
    };
    const result = await evaluateTraces(source, { scorers: [bad], suite, store: null });
    const [good, scorerError, loadError] = result.tasks;
    assert.deepEqual(good?.feedback, [{ key: "picky", score: true }]);
    assert.equal(good?.trace.exception, null);
    // the scorer's failure is its own feedback on that task, not the task's error
    assert.equal(scorerError?.trace.exception, null);
    assert.equal(scorerError?.feedback[0]?.score, null);
    assert.match(
      scorerError?.feedback[0]?.comment ?? "",
      /^scorer raised: ScorerReturnTypeError: scorer 'picky' returned unsupported type Object/,
    );
    assert.equal(scorerError?.trace.events.length, 1, "the trace's events are kept");
    assert.deepEqual(loadError?.feedback, [], "a trace that did not load is not graded");
    assert.deepEqual(
      loadError?.trace.exception && { ...loadError.trace.exception, stack: undefined },
      {
        type: "RangeError",
        message: "trace t-gone expired",
        stack: undefined,
      },
    );
    assert.deepEqual(loadError?.task.inputs, { input: "1+1" });
    assert.equal(result.aggregates.errors, 1, "only the trace that did not load is an error");
  });

  it("publishes EvalStarted, one TaskEvaluated per trace, then EvalCompleted with the result", async () => {
    const stream = createStream();
    const events: EvalEvent[] = [];
    stream.subscribe((event) => {
      events.push(event);
    });
    const source = new InMemoryTraceSource([
      [{ traceId: "t-a", taskId: "a" }, answer("2")],
      [{ traceId: "t-b", taskId: "b" }, answer("5")],
    ]);
    const result = await evaluateTraces(source, {
      scorers: [matches],
      suite,
      store: null,
      stream,
      label: "ci",
    });
    assert.deepEqual(
      events.map((e) => e.type),
      ["EvalStarted", "TaskEvaluated", "TaskEvaluated", "EvalCompleted"],
    );
    const [started, , , completed] = events;
    assert.deepEqual(
      started?.type === "EvalStarted" && [started.suite, started.total, started.label],
      ["math", 2, "ci"],
    );
    assert.equal(completed?.type === "EvalCompleted" && completed.result, result);
    assert.deepEqual(
      events
        .filter((e) => e.type === "TaskEvaluated")
        .map((e) => e.type === "TaskEvaluated" && e.taskId)
        .sort(),
      ["a", "b"],
    );
  });

  it("a throwing subscriber is a warning on the result, not a failure", async () => {
    const stream = createStream();
    stream.subscribe((event) => {
      if (event.type === "TaskEvaluated") throw new Error("reporter crashed");
    });
    const source = new InMemoryTraceSource([[{ traceId: "t-a", taskId: "a" }, answer("2")]]);
    const result = await evaluateTraces(source, { scorers: [matches], suite, store: null, stream });
    assert.equal(result.passRate("correct"), 1);
    assert.deepEqual(result.warnings, [
      "stream subscriber failed on TaskEvaluated: Error: reporter crashed",
    ]);
  });

  it("a hand-written stream whose publish throws becomes a warning, not a lost run", async () => {
    const stream = createStream();
    const throwing = {
      ...stream,
      errors: stream.errors,
      publish() {
        throw new Error("socket closed");
      },
      [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
    };
    const source = new InMemoryTraceSource([[{ traceId: "t-a", taskId: "a" }, answer("2")]]);
    const result = await evaluateTraces(source, {
      scorers: [matches],
      suite,
      store: null,
      stream: throwing,
    });
    assert.equal(result.passRate("correct"), 1);
    assert.deepEqual(result.warnings, [
      "stream.publish failed on EvalStarted: Error: socket closed",
      "stream.publish failed on TaskEvaluated: Error: socket closed",
    ]);
  });

  it("saves through the store, and a failing save keeps the result with a warning", async () => {
    const store = new TinyStore();
    const source = new InMemoryTraceSource([[{ traceId: "t-a", taskId: "a" }, answer("2")]]);
    const saved = await evaluateTraces(source, { scorers: [matches], suite, store, runId: "keep" });
    assert.equal(store.runs.get("keep"), saved);
    store.failSave = true;
    const unsaved = await evaluateTraces(source, {
      scorers: [matches],
      suite,
      store,
      runId: "lost",
    });
    assert.equal(unsaved.passRate("correct"), 1);
    assert.deepEqual(unsaved.warnings, ["saving run lost failed: Error: disk full"]);
    assert.equal(store.runs.has("lost"), false);
  });

  it("rejects with the signal's reason when aborted, and starts nothing more", async () => {
    const controller = new AbortController();
    let loads = 0;
    const gate = deferred();
    const source: TraceSource = {
      async *list() {
        for (let i = 0; i < 6; i++) yield { traceId: `t${i}` };
      },
      async load() {
        loads++;
        await gate.promise;
        return answer("x");
      },
    };
    const running = evaluateTraces(source, {
      scorers: [],
      store: null,
      concurrency: 2,
      signal: controller.signal,
    });
    await settle();
    const reason = new Error("user pressed ctrl-c");
    controller.abort(reason);
    await assert.rejects(running, (error) => error === reason);
    gate.resolve();
    await settle();
    assert.equal(loads, 2);
  });

  it("refuses invalid options before reading the source", async () => {
    let listed = false;
    const source: TraceSource = {
      async *list() {
        listed = true;
        yield* [];
      },
      async load() {
        return answer("x");
      },
    };
    await assert.rejects(
      evaluateTraces(source, { scorers: [{ key: "k" } as never], store: null }),
      /evaluateTraces: scorers\[0\] must be a Scorer/,
    );
    await assert.rejects(
      evaluateTraces(source, { scorers: [], store: null, runId: "../escape" }),
      /option 'runId' must be usable as a file name .* but contains a path separator/,
    );
    await assert.rejects(
      evaluateTraces(source, { scorers: [], store: null, concurrency: Number.NaN }),
      /option 'concurrency' must be a finite number; got number NaN/,
    );
    assert.equal(listed, false);
  });

  it("a hand-written Scorer's NaN becomes no signal, so the mean stays finite", async () => {
    const source = new InMemoryTraceSource([
      [{ traceId: "t-a", taskId: "a" }, answer("2")],
      [{ traceId: "t-b", taskId: "b" }, answer("4")],
    ]);
    let calls = 0;
    const raw: Scorer = {
      key: "ratio",
      score: async () => [{ key: "ratio", score: calls++ === 0 ? Number.NaN : 0.5 }],
    };
    const result = await evaluateTraces(source, { scorers: [raw], suite, store: null });
    assert.deepEqual(result.tasks[0]?.feedback, [
      { key: "ratio", score: null, comment: "scorer returned NaN" },
    ]);
    assert.equal(result.scoreStats("ratio")?.mean, 0.5);
  });
});
