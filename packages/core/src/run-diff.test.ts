import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RunsNotComparableError } from "./runs-not-comparable-error.js";
import { makeRunResult, makeTaskResult } from "./testing/make-results.js";

const task = makeTaskResult;

const baseline = makeRunResult({
  runId: "base",
  tasks: [
    task({
      taskId: "t1",
      feedback: [
        { key: "ok", score: true },
        { key: "q", score: 0.5 },
      ],
    }),
    task({
      taskId: "t2",
      feedback: [
        { key: "ok", score: false },
        { key: "q", score: 1 },
      ],
    }),
    task({
      taskId: "t3",
      feedback: [
        { key: "ok", score: true },
        { key: "q", score: 0 },
      ],
    }),
    task({
      taskId: "t4",
      feedback: [
        { key: "ok", score: true },
        { key: "old", score: true },
      ],
    }),
    task({ taskId: "t5", inputs: { input: "before" }, feedback: [{ key: "ok", score: true }] }),
  ],
});
const current = makeRunResult({
  runId: "cur",
  tasks: [
    task({
      taskId: "t1",
      feedback: [
        { key: "ok", score: false },
        { key: "q", score: 0.25 },
      ],
    }),
    task({
      taskId: "t2",
      feedback: [
        { key: "ok", score: true },
        { key: "q", score: 0.75 },
      ],
    }),
    // The last feedback of a key wins.
    task({
      taskId: "t3",
      feedback: [
        { key: "ok", score: true },
        { key: "ok", score: false },
        { key: "q", score: 1 },
      ],
    }),
    task({ taskId: "t5", inputs: { input: "after" }, feedback: [{ key: "ok", score: true }] }),
    task({
      taskId: "t6",
      feedback: [
        { key: "ok", score: true },
        { key: "new", value: "x" },
      ],
    }),
  ],
});

describe("RunResult.diff", () => {
  it("throws RunsNotComparableError listing every mismatch in strict mode", () => {
    assert.throws(
      () => current.diff(baseline),
      (error: unknown) => {
        assert.ok(RunsNotComparableError.isInstance(error));
        assert.equal(
          error.message,
          "these runs didn't grade the same eval —\n" +
            "  • content changed for 1 task(s): ['t5']\n" +
            "  • 1 task(s) only in baseline: ['t4']\n" +
            "  • 1 task(s) only in current: ['t6']\n" +
            "  • scorer(s) only in baseline: ['old']\n" +
            "  • scorer(s) only in current: ['new']\n" +
            "Pass strict=False to diff the overlap anyway (the mismatches are reported on the RunDiff).",
        );
        assert.equal(error.problems.length, 5);
        return true;
      },
    );
  });

  it("diffs the overlap with strict: false and reports what it left out", () => {
    const diff = current.diff(baseline, { strict: false });
    assert.equal(diff.currentRunId, "cur");
    assert.equal(diff.baselineRunId, "base");
    assert.deepEqual(diff.comparableTasks, ["t1", "t2", "t3"]);
    assert.deepEqual(diff.passRateDeltas, { ok: [2 / 3, 1 / 3] });
    assert.deepEqual(diff.meanDeltas, { q: [0.5, (0.25 + 0.75 + 1) / 3] });
    assert.deepEqual(diff.flippedToFail, [
      ["ok", "t1"],
      ["ok", "t3"],
    ]);
    assert.deepEqual(diff.regressions, diff.flippedToFail);
    assert.deepEqual(diff.flippedToPass, [["ok", "t2"]]);
    assert.deepEqual(diff.onlyInCurrent, ["t6"]);
    assert.deepEqual(diff.onlyInBaseline, ["t4"]);
    assert.deepEqual(diff.contentChanged, ["t5"]);
    assert.deepEqual(diff.scorersOnlyInCurrent, ["new"]);
    assert.deepEqual(diff.scorersOnlyInBaseline, ["old"]);
    assert.equal(
      diff.summary(),
      [
        "Diff cur vs base  —  3 comparable task(s)",
        "  ok                        66.7% ->  33.3%   -33.3   REGRESSION",
        "  q                        mean 0.50 -> 0.67   +0.17",
        "  flipped pass->fail: ['ok:t1', 'ok:t3']",
        "  flipped fail->pass: ['ok:t2']",
        "  — excluded (not comparable) —",
        "  content changed: ['t5']",
        "  only in current: ['t6']",
        "  only in baseline: ['t4']",
        "  scorer only in current: ['new']",
        "  scorer only in baseline: ['old']",
      ].join("\n"),
    );
  });

  it("compares identical runs without flips or exclusions", () => {
    const again = makeRunResult({ runId: "again", tasks: baseline.tasks.slice(0, 3) });
    const first = makeRunResult({ runId: "first", tasks: baseline.tasks.slice(0, 3) });
    const diff = again.diff(first);
    assert.deepEqual(diff.flippedToFail, []);
    assert.equal(
      diff.summary(),
      [
        "Diff again vs first  —  3 comparable task(s)",
        "  ok                        66.7% ->  66.7%    +0.0",
        "  q                        mean 0.50 -> 0.50   +0.00",
      ].join("\n"),
    );
  });

  it("counts a key with booleans on one side only, without flips", () => {
    const a = makeRunResult({
      runId: "a",
      tasks: [task({ taskId: "x", feedback: [{ key: "k", score: 1 }] })],
    });
    const b = makeRunResult({
      runId: "b",
      tasks: [task({ taskId: "x", feedback: [{ key: "k", score: true }] })],
    });
    const diff = a.diff(b);
    assert.deepEqual(diff.passRateDeltas, { k: [1, 0] });
    assert.deepEqual(diff.meanDeltas, { k: [0, 1] });
    assert.deepEqual(diff.flippedToFail, []);
  });

  it("treats a changed reference output as content drift, ignoring tags and metadata", () => {
    const a = makeRunResult({
      runId: "a",
      tasks: [
        task({
          taskId: "x",
          referenceOutputs: { answer: "Paris" },
          tags: ["a"],
          metadata: { v: 1 },
        }),
      ],
    });
    const b = makeRunResult({
      runId: "b",
      tasks: [task({ taskId: "x", referenceOutputs: { answer: "Lyon" } })],
    });
    const c = makeRunResult({
      runId: "c",
      tasks: [task({ taskId: "x", referenceOutputs: { answer: "Paris" } })],
    });
    assert.deepEqual(a.diff(b, { strict: false }).contentChanged, ["x"]);
    assert.deepEqual(a.diff(c).comparableTasks, ["x"]);
  });
});
