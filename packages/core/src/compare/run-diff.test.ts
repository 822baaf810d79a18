import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeRunResult, makeTaskResult } from "../testing/make-results.js";
import { compareRuns } from "./compare-runs.js";
import { RunDiff } from "./run-diff.js";
import { RunsNotComparableError } from "./runs-not-comparable-error.js";

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
        // Per-task differences are ok: -1, +1, -1 and q: -0.25, -0.25, +1; a resample of
        // three tasks is all-equal often enough (≥ 1/27 each) that the 95% bounds are the extremes.
        "  ok                        66.7% ->  33.3%   -33.3   REGRESSION   95% CI [-100.0, +100.0]",
        "  q                        mean 0.50 -> 0.67   +0.17   95% CI [-0.25, +1.00]",
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
    // without intervals: the reference's diff text exactly
    assert.deepEqual(diff.summary({ intervals: false }).split("\n").slice(1, 3), [
      "  ok                        66.7% ->  33.3%   -33.3   REGRESSION",
      "  q                        mean 0.50 -> 0.67   +0.17",
    ]);
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
        "  ok                        66.7% ->  66.7%    +0.0   95% CI [+0.0, +0.0]",
        "  q                        mean 0.50 -> 0.50   +0.00   95% CI [+0.00, +0.00]",
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
    // No task has the same kind of score on both sides: nothing to pair, so no interval.
    assert.deepEqual([diff.passRateIntervals, diff.meanIntervals], [{}, {}]);
    assert.equal(
      diff.summary(),
      [
        "Diff a vs b  —  1 comparable task(s)",
        "  k                        100.0% ->   0.0%   -100.0   REGRESSION",
        "  k                        mean 0.00 -> 1.00   +1.00",
      ].join("\n"),
    );
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

/** n tasks: ok passes in the baseline, and in the current run except for the first `fails`. */
function regressed(n: number, fails: number, ids = (i: number) => `t${i}`) {
  const run = (runId: string, pass: (i: number) => boolean) =>
    makeRunResult({
      runId,
      tasks: Array.from({ length: n }, (_, i) =>
        task({
          taskId: ids(i),
          inputs: { input: ids(i).replace(/#\d+$/, "") },
          feedback: [
            { key: "ok", score: pass(i) },
            { key: "q", score: pass(i) ? 1 : 0.5 },
          ],
        }),
      ),
    });
  return { baseline: run("base", () => true), current: run("cur", (i) => i >= fails) };
}

describe("RunDiff intervals", () => {
  it("appends an interval that excludes 0 when a regression is clear", () => {
    const { baseline: b, current: c } = regressed(20, 12);
    const diff = c.diff(b);
    const [lo, hi] = diff.passRateIntervals.ok!;
    assert.ok(lo >= -1 && hi < 0, `expected an interval below 0, got [${lo}, ${hi}]`);
    assert.ok(lo <= -0.6 && -0.6 <= hi, "the interval holds the observed difference");
    const [line, meanLine] = diff.summary().split("\n").slice(1);
    const pts = (x: number) => `${x < 0 ? "-" : "+"}${Math.abs(x * 100).toFixed(1)}`;
    assert.equal(
      line,
      `  ok                       100.0% ->  40.0%   -60.0   REGRESSION   95% CI [${pts(lo)}, ${pts(hi)}]`,
    );
    assert.match(
      meanLine!,
      /^ {2}q {24}mean 1\.00 -> 0\.70 {3}-0\.30 {3}95% CI \[-0\.\d\d, -0\.\d\d\]$/,
    );
  });

  it("is deterministic and agrees with compareRuns' default seed", () => {
    const { baseline: b, current: c } = regressed(30, 9);
    const diff = c.diff(b);
    assert.equal(diff.summary(), c.diff(b).summary());
    const comparison = compareRuns(b, c);
    assert.deepEqual(diff.passRateIntervals.ok, comparison.key("ok")?.ci);
    assert.deepEqual(diff.meanIntervals.q, comparison.key("q")?.ci);
  });

  it("resamples the repeats of a task together", () => {
    // 6 tasks × 2 repeats: ids t0#1, t0#2, …; the task, not the repeat, is the unit.
    const { baseline: b, current: c } = regressed(12, 4, (i) => `t${i >> 1}#${(i & 1) + 1}`);
    const diff = c.diff(b);
    assert.equal(diff.comparableTasks.length, 12);
    assert.deepEqual(diff.passRateIntervals.ok, compareRuns(b, c).key("ok")?.ci);
    // Resampling 12 repeats misses all 4 failures in (8/12)^12 ≈ 0.8% of draws, so the upper
    // bound would sit below 0; resampling 6 tasks (2 failing) misses both in (4/6)^6 ≈ 8.8%.
    const [, hi] = diff.passRateIntervals.ok!;
    assert.equal(hi, 0);
  });

  it("leaves a hand-built diff's A.5 lines alone", () => {
    const diff = current.diff(baseline, { strict: false });
    const { passRateIntervals: _p, meanIntervals: _m, ...fields } = diff;
    const plain = new RunDiff(fields);
    assert.deepEqual(plain.summary().split("\n").slice(1, 3), [
      "  ok                        66.7% ->  33.3%   -33.3   REGRESSION",
      "  q                        mean 0.50 -> 0.67   +0.17",
    ]);
  });
});

describe("RunDiff readable summary", () => {
  const costs = (runId: string, cost: number, pass: (i: number) => boolean) =>
    makeRunResult({
      runId,
      tasks: Array.from({ length: 30 }, (_, i) =>
        task({
          taskId: `task-${String(i).padStart(2, "0")}`,
          feedback: [
            { key: "ok", score: pass(i) },
            { key: "cost", score: cost },
          ],
        }),
      ),
    });

  it("writes small means in significant digits and flips in columns cut after ten rows", () => {
    const b = costs("base", 0.0000532, () => true);
    const c = costs("cur", 0.0000611, (i) => i % 2 === 0);
    const lines = c.diff(b).summary({ readable: true, width: 40, intervals: false }).split("\n");
    assert.equal(lines[2], "  cost                     mean 0.0000532 -> 0.0000611   +0.0000079");
    assert.equal(lines[3], "  flipped pass->fail (15):");
    // "ok:task-01" is 10 wide: three columns fit in 40 after the indent; 15 flips, 5 rows
    assert.equal(lines[4], "    ok:task-01  ok:task-11  ok:task-21");
    assert.equal(lines.length, 9);
    assert.ok(lines.every((line) => !line.includes("['")));
    // the reference's text keeps its two decimals and its list
    const reference = c.diff(b).summary({ intervals: false }).split("\n");
    assert.equal(reference[2], "  cost                     mean 0.00 -> 0.00   +0.00");
    assert.match(reference[3] ?? "", /^ {2}flipped pass->fail: \['ok:task-01', /);
  });

  it("cuts a long list with 'and N more' unless all is asked for", () => {
    const b = costs("base", 1, () => true);
    const c = costs("cur", 1, () => false);
    const cut = c.diff(b).summary({ readable: true, width: 20 }).split("\n");
    assert.equal(cut.at(-1), "    and 20 more (--all lists every one)");
    const all = c.diff(b).summary({ readable: true, width: 20, all: true }).split("\n");
    assert.equal(all.filter((line) => line.startsWith("    ok:task-")).length, 30);
  });
});
