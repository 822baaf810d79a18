import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { boolRun, runOf, taskResult } from "../run-result/task-results.test-helper.js";
import { compareRuns } from "./compare-runs.js";

// 30 tasks: 10 pass→fail, 2 fail→pass, 18 pass on both sides.
const rows = (side: "b" | "c") =>
  Array.from({ length: 30 }, (_, i) => [i < 10 ? side === "b" : i < 12 ? side === "c" : true]);
const baseline = boolRun("base", rows("b"));
const current = boolRun("cur", rows("c"));

const close = (got: number, expected: number, eps = 1e-12) =>
  assert.ok(Math.abs(got - expected) < eps, `got ${got}, expected ${expected}`);

describe("compareRuns", () => {
  it("finds no difference between identical runs", () => {
    const comparison = compareRuns(baseline, baseline);
    const ok = comparison.key("ok")!;
    assert.equal(ok.difference, 0);
    assert.deepEqual(ok.ci, [0, 0]);
    assert.equal(ok.pValue, 1);
    assert.equal(ok.verdict, "no-detectable-difference");
    close(ok.minimumDetectableDifference!, 6 / 30);
    assert.deepEqual(comparison.regressions, []);
  });

  it("flags a regression with the exact McNemar p of 10 vs 2 discordant pairs", () => {
    const ok = compareRuns(baseline, current).key("ok")!;
    assert.deepEqual(ok.discordant, { toFail: 10, toPass: 2 });
    close(ok.pValue, (2 * 79) / 4096);
    close(ok.difference, -8 / 30);
    close(ok.baseline, 28 / 30);
    close(ok.current, 20 / 30);
    assert.ok(ok.ci[0] < ok.difference && ok.ci[1] < 0, `ci ${ok.ci}`);
    assert.equal(ok.verdict, "regression");
    assert.equal(ok.test, "mcnemar-exact");
  });

  it("negates differences and swaps verdicts when baseline and current swap", () => {
    const forward = compareRuns(baseline, current, { seed: 9 }).key("ok")!;
    const backward = compareRuns(current, baseline, { seed: 9 }).key("ok")!;
    close(backward.difference, -forward.difference);
    close(backward.ci[0], -forward.ci[1], 1e-9);
    close(backward.ci[1], -forward.ci[0], 1e-9);
    assert.equal(backward.pValue, forward.pValue);
    assert.equal(backward.verdict, "improvement");
  });

  it("is deterministic for a seed", () => {
    assert.deepEqual(
      compareRuns(baseline, current, { seed: 4 }),
      compareRuns(baseline, current, { seed: 4 }),
    );
  });

  it("tests numeric keys with the sign-flip permutation, honouring lowerIsBetter", () => {
    const run = (id: string, shift: number) =>
      runOf(
        id,
        Array.from({ length: 6 }, (_, i) => taskResult(`t${i}`, { latency: i + shift })),
      );
    const comparison = compareRuns(run("a", 0), run("b", 0.5));
    const latency = comparison.key("latency")!;
    assert.equal(latency.kind, "mean");
    close(latency.difference, 0.5);
    assert.equal(latency.pValue, 2 / 64);
    assert.equal(latency.verdict, "improvement");
    assert.deepEqual(latency.ci, [0.5, 0.5]);
    const lower = compareRuns(run("a", 0), run("b", 0.5), { lowerIsBetter: ["latency"] });
    assert.equal(lower.key("latency")?.verdict, "regression");
  });

  it("groups repeats by task and leaves out tasks whose content changed", () => {
    const base = runOf("a", [
      taskResult("t1#1", { ok: true }),
      taskResult("t1#2", { ok: false }),
      taskResult("t2#1", { ok: true }),
      taskResult("t2#2", { ok: true }),
    ]);
    const cur = runOf("b", [
      taskResult("t1#1", { ok: true }),
      taskResult("t1#2", { ok: true }),
      taskResult("t2#1", { ok: false }, { input: "changed" }),
      taskResult("t2#2", { ok: false }, { input: "changed" }),
    ]);
    const comparison = compareRuns(base, cur);
    assert.deepEqual(comparison.comparableTasks, ["t1"]);
    const ok = comparison.key("ok")!;
    assert.equal(ok.tasks, 1);
    assert.equal(ok.difference, 0.5);
    assert.equal(ok.test, "sign-flip-permutation");
    assert.equal(ok.discordant, null);
    assert.equal(ok.minimumDetectableDifference, null);
    assert.equal(ok.verdict, "no-detectable-difference");
  });

  // mdd: per-task differences are 10 × −1, 2 × +1, 18 × 0, so s = 0.5833 and
  // (1.96 + 0.8416) · 0.5833 / √30 = 0.298 (29.8 points).
  it("writes a summary line per key", () => {
    const text = compareRuns(baseline, current).summary();
    const [head, line] = text.split("\n");
    assert.equal(
      head,
      "Compare cur vs base  —  30 comparable task(s), 95% intervals, seed 0, 2000 resamples",
    );
    assert.match(
      line!,
      /^ {2}ok {24}93\.3% -> {2}66\.7% {3}-26\.7 \[-\d+\.\d, -\d+\.\d\] {2}p=0\.0386 \(mcnemar-exact\) {2}REGRESSION {2}\(detectable ≥ 29\.8 pts, n=30\)$/,
    );
  });

  it("tests a boolean key at task level when tasks repeat: 3 tasks x 10 repeats all-pass to all-fail is no detectable difference", () => {
    const repeats = (ok: boolean) =>
      ["t1", "t2", "t3"].flatMap((t) =>
        Array.from({ length: 10 }, (_, r) => taskResult(`${t}#${r + 1}`, { ok })),
      );
    const asBool = compareRuns(runOf("a", repeats(true)), runOf("b", repeats(false)));
    const ok = asBool.key("ok")!;
    assert.equal(ok.test, "sign-flip-permutation");
    assert.equal(ok.tasks, 3);
    assert.equal(ok.difference, -1);
    // three tasks, all one way: the exact sign-flip p is 2/2^3
    assert.equal(ok.pValue, 0.25);
    assert.equal(ok.minimumDetectableDifference, null);
    assert.equal(ok.verdict, "no-detectable-difference");
    assert.deepEqual(asBool.regressions, []);
    // the same data as 0/1 numbers gets the same test and p
    const numeric = (v: number) =>
      ["t1", "t2", "t3"].flatMap((t) =>
        Array.from({ length: 10 }, (_, r) => taskResult(`${t}#${r + 1}`, { ok: v })),
      );
    const asNumber = compareRuns(runOf("a", numeric(1)), runOf("b", numeric(0))).key("ok")!;
    assert.equal(asNumber.pValue, ok.pValue);
    assert.equal(asNumber.verdict, ok.verdict);
    assert.match(
      asBool.summary(),
      /p=0\.2500 \(sign-flip-permutation\) {2}no detectable difference {2}\(too few tasks/,
    );
  });

  it("with repeats, a consistent regression over enough tasks is still found", () => {
    const repeats = (ok: boolean) =>
      Array.from({ length: 8 }, (_, t) =>
        [1, 2].map((r) => taskResult(`t${t}#${r}`, { ok })),
      ).flat();
    const ok = compareRuns(runOf("a", repeats(true)), runOf("b", repeats(false))).key("ok")!;
    assert.equal(ok.test, "sign-flip-permutation");
    assert.equal(ok.pValue, 2 / 256);
    assert.equal(ok.verdict, "regression");
  });

  it("rejects an alpha outside (0, 1)", () => {
    assert.throws(
      () => compareRuns(baseline, current, { alpha: 1 }),
      (error: unknown) => error instanceof InvalidOptionError && error.option === "alpha",
    );
  });

  it("writes means in significant digits, so a cost of a fraction of a cent is not 0.00", () => {
    const costs = (runId: string, cost: number) =>
      runOf(
        runId,
        Array.from({ length: 6 }, (_, i) => taskResult(`t${i}`, { cost: cost + i * 1e-7 })),
      );
    const line = compareRuns(costs("a", 0.0000532), costs("b", 0.0000611)).summary().split("\n")[1];
    assert.match(line ?? "", /^ {2}cost {21}mean 0\.0000534 -> 0\.0000613 {3}\+0\.0000079 \[/);
  });
});
