import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeRunResult, makeTaskResult } from "../testing/make-results.js";
import { computeAggregates, scoreStatsOf } from "./aggregates.js";

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);
}

function stats(values: number[], mean: number, p50: number, p95: number): void {
  const s = scoreStatsOf(values);
  close(s.mean, mean);
  close(s.p50, p50);
  close(s.p95, p95);
  assert.equal(s.n, values.length);
}

describe("score statistics", () => {
  it("match the reference's examples with linear interpolation", () => {
    stats([0, 1, 2], 1, 1, 1.9);
    stats([2, 4], 3, 3, 3.9);
    stats([0.25, 0.75], 0.5, 0.5, 0.725);
    stats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5.5, 5.5, 9.55);
    stats([7], 7, 7, 7);
    assert.deepEqual(scoreStatsOf([]), { mean: 0, p50: 0, p95: 0, n: 0 });
  });
});

describe("computeAggregates", () => {
  it("counts only booleans as passes, numbers as stats, values separately", () => {
    const tasks = [
      makeTaskResult({
        taskId: "a",
        feedback: [
          { key: "ok", score: true },
          { key: "n", score: 1, value: "hi" },
        ],
      }),
      makeTaskResult({
        taskId: "b",
        feedback: [
          { key: "ok", score: false },
          { key: "n", score: 0, value: "hi" },
        ],
      }),
      makeTaskResult({
        taskId: "c",
        feedback: [
          { key: "ok", score: null, value: "lo" },
          { key: "label", value: "x" },
        ],
      }),
    ];
    const agg = computeAggregates(tasks);
    assert.deepEqual(agg.passRate, { ok: 0.5 });
    assert.equal(agg.scoreStats.n?.mean, 0.5);
    assert.deepEqual(agg.valueCounts, { n: { hi: 2 }, ok: { lo: 1 }, label: { x: 1 } });
  });

  it("sums tokens and counts errors and budget violations", () => {
    const agg = computeAggregates([
      makeTaskResult({
        taskId: "a",
        events: [
          {
            type: "ModelResponse",
            content: "x",
            usage: { inputTokens: 5, outputTokens: 2, cacheReadInputTokens: 1 },
          },
        ],
        exception: { type: "Error", message: "x" },
      }),
      makeTaskResult({
        taskId: "b",
        budgetViolations: [{ limit: "maxToolCallsPerTask", threshold: 1, actual: 2 }],
        tokens: { input: 1, output: 1, cacheCreation: 0, cacheRead: 0, total: 2 },
      }),
    ]);
    assert.deepEqual(agg.tokens, { input: 6, output: 3, cacheCreation: 0, cacheRead: 1, total: 9 });
    assert.equal(agg.errors, 1);
    assert.equal(agg.budgetViolations, 1);
  });
});

describe("RunResult lookups", () => {
  const run = makeRunResult({
    tasks: [
      makeTaskResult({
        taskId: "a",
        tags: ["geo"],
        feedback: [
          { key: "ok", score: true },
          { key: "q", score: 1 },
        ],
      }),
      makeTaskResult({
        taskId: "b",
        tags: ["geo", "hard"],
        feedback: [
          { key: "ok", score: false },
          { key: "q", score: 0, value: "bad" },
        ],
      }),
      makeTaskResult({
        taskId: "c",
        tags: ["math"],
        feedback: [
          { key: "ok", score: 1 },
          { key: "q", score: 0.5, value: "fine" },
        ],
      }),
    ],
  });

  it("pass rate comes from booleans only (an int 1 is not a pass)", () => {
    assert.equal(run.passRate("ok"), 0.5);
    assert.equal(run.passRate("ok", { tag: "math" }), 0);
    assert.equal(run.passRate("missing"), 0);
    close(run.scoreStats("ok", { tag: "math" }).mean, 1);
  });

  it("slices by tag, and an unknown tag gives empty results", () => {
    assert.equal(run.passRate("ok", { tag: "geo" }), 0.5);
    assert.equal(run.passRate("ok", { tag: "hard" }), 0);
    close(run.scoreStats("q", { tag: "geo" }).mean, 0.5);
    assert.deepEqual(run.valueCounts("q", { tag: "geo" }), { bad: 1 });
    assert.deepEqual(run.scoreStats("q", { tag: "nope" }), { mean: 0, p50: 0, p95: 0, n: 0 });
    assert.deepEqual(run.valueCounts("q", { tag: "nope" }), {});
    assert.deepEqual([...run.tags].sort(), ["geo", "hard", "math"]);
  });

  it("value counts are a copy", () => {
    const counts = run.valueCounts("q");
    assert.deepEqual(counts, { bad: 1, fine: 1 });
    counts.bad = 99;
    assert.deepEqual(run.valueCounts("q"), { bad: 1, fine: 1 });
  });
});
