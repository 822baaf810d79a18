import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import type { EvalEvent } from "../events/lifecycle-events.js";
import { createStream } from "../events/stream.js";
import { InMemoryTraceSource } from "../trace/in-memory-trace-source.js";
import { Trace } from "../trace/trace.js";
import { evaluatePairwise } from "./evaluate-pairwise.js";
import type { PairwiseRunResult } from "./pairwise-run-result.js";
import type { PairwiseComparator } from "./pairwise-types.js";
import { runPairwise } from "./run-pairwise.js";

const trace = (durationMs: number) => new Trace({ durationMs });
const faster: PairwiseComparator = {
  key: "faster",
  compare: ({ traceA, traceB }) => ({
    winner:
      traceA.durationMs === traceB.durationMs
        ? "tie"
        : traceA.durationMs < traceB.durationMs
          ? "a"
          : "b",
    reasoning: `${traceA.durationMs} vs ${traceB.durationMs}`,
  }),
};
const boom: PairwiseComparator = {
  key: "boom",
  compare: () => {
    throw new TypeError("judge offline");
  },
};

const sourceA = new InMemoryTraceSource([
  [{ traceId: "a1", taskId: "t1" }, trace(5)],
  [{ traceId: "a2", taskId: "t2" }, trace(1)],
  [{ traceId: "a3" }, trace(1)],
  [{ traceId: "a4", taskId: "t4" }, trace(3)],
]);
const sourceB = new InMemoryTraceSource([
  [{ traceId: "b2", taskId: "t2" }, trace(2)],
  [{ traceId: "b1", taskId: "t1" }, trace(2)],
  [{ traceId: "b4-old", taskId: "t4" }, trace(9)],
  [{ traceId: "b4", taskId: "t4" }, trace(3)],
  [{ traceId: "b5", taskId: "t5" }, trace(1)],
]);

describe("evaluatePairwise", () => {
  it("pairs by task id in A's order, runs comparators in order and records a throwing one as a tie", async () => {
    const stream = createStream();
    const events: EvalEvent[] = [];
    stream.subscribe((event) => void events.push(event));
    const saved: PairwiseRunResult[] = [];
    const result = await evaluatePairwise(sourceA, sourceB, {
      comparators: [faster, boom],
      variantA: "old",
      variantB: "new",
      suite: [{ task_id: "t1", inputs: { input: "q1" }, reference_outputs: { answer: 1 } }],
      concurrency: 1,
      runId: "pw",
      stream,
      store: { savePairwise: async (r) => void saved.push(r) },
    });
    assert.equal(result.nPairs, 3);
    assert.deepEqual(
      result.cases.map((c) => [c.taskId, c.key, c.winner]),
      [
        ["t1", "faster", "b"],
        ["t1", "boom", "tie"],
        ["t2", "faster", "a"],
        ["t2", "boom", "tie"],
        ["t4", "faster", "tie"],
        ["t4", "boom", "tie"],
      ],
    );
    assert.equal(result.cases[1]?.reasoning, "comparator raised: TypeError: judge offline");
    assert.deepEqual(result.cases[1]?.detail, { error: true });
    assert.equal(result.cases[4]?.reasoning, "3 vs 3");
    assert.deepEqual(result.winRate("faster").wins, 1);
    assert.deepEqual(saved, [result]);
    assert.deepEqual(
      events.map((e) =>
        e.type === "PairwiseCompared" ? `${e.type}:${e.taskId}:${e.key}:${e.winner}` : e.type,
      ),
      [
        "PairwiseStarted",
        "PairwiseCompared:t1:faster:b",
        "PairwiseCompared:t1:boom:tie",
        "PairwiseCompared:t2:faster:a",
        "PairwiseCompared:t2:boom:tie",
        "PairwiseCompared:t4:faster:tie",
        "PairwiseCompared:t4:boom:tie",
        "PairwiseCompleted",
      ],
    );
    const started = events[0];
    assert.ok(
      started?.type === "PairwiseStarted" && started.total === 3 && started.variantB === "new",
    );
  });

  it("gives the comparator the suite's task and reference outputs", async () => {
    const seen: unknown[] = [];
    await evaluatePairwise(sourceA, sourceB, {
      comparators: [
        {
          key: "k",
          compare: ({ task, referenceOutputs }) => {
            seen.push([task.taskId, task.inputs, referenceOutputs]);
            return { winner: "tie" };
          },
        },
      ],
      suite: [{ task_id: "t1", inputs: { input: "q1" }, reference_outputs: { answer: 1 } }],
      concurrency: 1,
    });
    assert.deepEqual(seen, [
      ["t1", { input: "q1" }, { answer: 1 }],
      ["t2", {}, null],
      ["t4", {}, null],
    ]);
  });

  it("compares at most `concurrency` pairs at once", async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: PairwiseComparator = {
      key: "slow",
      compare: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return { winner: "a" };
      },
    };
    const many = (prefix: string) =>
      new InMemoryTraceSource(
        Array.from(
          { length: 6 },
          (_, i) => [{ traceId: `${prefix}${i}`, taskId: `t${i}` }, trace(i)] as const,
        ),
      );
    const result = await evaluatePairwise(many("a"), many("b"), {
      comparators: [slow],
      concurrency: 2,
    });
    assert.equal(peak, 2);
    assert.equal(result.tally("slow")[0], 6);
  });

  it("records an unloadable trace and an invalid winner as ties", async () => {
    const broken = new InMemoryTraceSource([[{ traceId: "x", taskId: "t1" }, trace(1)]]);
    const listed = {
      list: broken.list.bind(broken),
      load: async () => {
        throw new Error("gone");
      },
    };
    const result = await evaluatePairwise(listed, broken, { comparators: [faster] });
    assert.equal(result.cases[0]?.reasoning, "trace failed to load: Error: gone");
    const odd: PairwiseComparator = { key: "odd", compare: () => ({ winner: "first" as "a" }) };
    const again = await evaluatePairwise(broken, broken, { comparators: [odd] });
    assert.deepEqual([again.cases[0]?.winner, again.cases[0]?.detail], ["tie", { error: true }]);
  });

  it("a hand-written stream whose publish throws becomes a warning, not a lost comparison", async () => {
    const stream = createStream();
    const throwing = {
      ...stream,
      errors: stream.errors,
      publish() {
        throw new Error("socket closed");
      },
      [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
    };
    const result = await evaluatePairwise(sourceA, sourceB, {
      comparators: [faster],
      stream: throwing,
    });
    assert.ok(result.cases.length > 0);
    assert.equal(
      result.warnings[0],
      "stream.publish failed on PairwiseStarted: Error: socket closed",
    );
  });

  it("comparatorTimeoutMs: a comparator that never answers is that comparison's error, the rest go on", async () => {
    const never: PairwiseComparator = { key: "never", compare: () => new Promise(() => {}) };
    const started = performance.now();
    const result = await evaluatePairwise(sourceA, sourceB, {
      comparators: [never, faster],
      comparatorTimeoutMs: 50,
      concurrency: 3,
    });
    assert.ok(performance.now() - started < 5_000, "the comparison does not hang");
    const timedOut = result.cases.filter((c) => c.key === "never");
    assert.equal(timedOut.length, 3);
    for (const c of timedOut) {
      assert.equal(c.winner, "tie");
      assert.deepEqual(c.detail, { error: true });
      assert.match(c.reasoning ?? "", /^comparator timed out: no answer within 50 ms/);
    }
    assert.deepEqual(
      result.cases.filter((c) => c.key === "faster").map((c) => c.winner),
      ["b", "a", "tie"],
    );
  });

  it("refuses a comparatorTimeoutMs that is not a positive number of milliseconds", async () => {
    for (const bad of [0, -1, "60s", 2 ** 31]) {
      await assert.rejects(
        evaluatePairwise(sourceA, sourceB, {
          comparators: [faster],
          comparatorTimeoutMs: bad as number,
        }),
        {
          name: "InvalidOptionError",
          message: /option 'comparatorTimeoutMs' must be a positive number of milliseconds/,
        },
      );
    }
  });

  it("rejects comparators without a key", async () => {
    await assert.rejects(
      evaluatePairwise(sourceA, sourceB, {
        comparators: [{ compare: () => ({ winner: "a" }) } as unknown as PairwiseComparator],
      }),
      /comparators\[0\] must be a PairwiseComparator/,
    );
  });
});

describe("runPairwise", () => {
  it("produces all of A, then all of B, then compares", async () => {
    const asked: string[] = [];
    const agent = (name: string, answer: string): Agent => ({
      name,
      ask: async (input) => {
        asked.push(`${name}:${input}`);
        return answer;
      },
    });
    const sameAnswer: PairwiseComparator = { key: "same", compare: () => ({ winner: "tie" }) };
    const result = await runPairwise(
      [
        { task_id: "t1", inputs: { input: "1" } },
        { task_id: "t2", inputs: { input: "2" } },
      ],
      {
        variantA: agent("a", "x"),
        variantB: agent("b", "y"),
        variantAName: "old",
        variantBName: "new",
        comparators: [sameAnswer],
        tracing: eventTracing(),
        concurrency: 2,
        runId: "rp",
      },
    );
    assert.deepEqual(asked.slice(0, 2).sort(), ["a:1", "a:2"]);
    assert.deepEqual(asked.slice(2).sort(), ["b:1", "b:2"]);
    assert.equal(result.runId, "rp");
    assert.deepEqual([result.variantA, result.variantB, result.nPairs], ["old", "new", 2]);
    assert.match(result.summary(), /^Pairwise rp {2}— {2}'new' \(B\) vs 'old' \(A\) · 2 cases/);
  });
});
