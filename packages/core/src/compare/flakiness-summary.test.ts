import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { boolRun, runOf, taskResult } from "../run-result/task-results.test-helper.js";
import { flakiness } from "./flakiness.js";
import { flakinessSummary } from "./flakiness-summary.js";

describe("flakinessSummary", () => {
  it("prints pass@1, pass@k and pass^k per key and each flaky task's passes and flip rate", () => {
    const report = flakiness(
      boolRun("r", [
        [true, false, true, false, false],
        [true, true, true, true, true],
        [false, true, true, true, true],
      ]),
    );
    // ok: pass@1 = (0.4 + 1 + 0.8) / 3; pass@5 = 1 for all; pass^5 = (0 + 1 + 0) / 3.
    // Flip rates: t1 2·2·3/(5·4) = 0.6, t3 2·1·4/(5·4) = 0.4.
    assert.equal(
      flakinessSummary(report),
      [
        "Flakiness  —  3 task(s), 5 repeat(s), 2 flaky",
        "  ok                       pass@1  73.3%   pass@5 100.0%   pass^5  33.3%   2/3 flaky",
        "    t1  2/5 passed  flip rate 0.60",
        "    t3  4/5 passed  flip rate 0.40",
      ].join("\n"),
    );
  });

  it("lists keys in order with their own flaky tasks, and skips numeric keys", () => {
    const report = flakiness(
      runOf("r", [
        taskResult("a#1", { style: true, correct: true, quality: 0.2 }),
        taskResult("a#2", { style: false, correct: true, quality: 0.9 }),
        taskResult("b#1", { style: true, correct: false, quality: 0.5 }),
        taskResult("b#2", { style: true, correct: true, quality: 0.5 }),
      ]),
    );
    assert.equal(
      flakinessSummary(report),
      [
        "Flakiness  —  2 task(s), 2 repeat(s), 2 flaky",
        "  correct                  pass@1  75.0%   pass@2 100.0%   pass^2  50.0%   1/2 flaky",
        "    b  1/2 passed  flip rate 1.00",
        "  style                    pass@1  75.0%   pass@2 100.0%   pass^2  50.0%   1/2 flaky",
        "    a  1/2 passed  flip rate 1.00",
      ].join("\n"),
    );
  });

  it("says so when there is nothing to count, and shows k = 1 without repeats", () => {
    const empty = flakinessSummary(flakiness(runOf("r", [taskResult("a", { quality: 0.5 })])));
    assert.equal(
      empty,
      "Flakiness  —  0 task(s), 0 repeat(s), 0 flaky\n  no boolean scores to count",
    );
    const single = flakinessSummary(flakiness(boolRun("r", [[true], [false]])));
    assert.equal(
      single,
      [
        "Flakiness  —  2 task(s), 1 repeat(s), 0 flaky",
        "  ok                       pass@1  50.0%   pass^1  50.0%   0/2 flaky",
      ].join("\n"),
    );
  });

  it("lines its columns up across keys of any length, rates of 100% and tasks of any id", () => {
    const report = flakiness(
      runOf("r", [
        taskResult("a#1", { ok: true, answer_matches_reference_exactly: true }),
        taskResult("a#2", { ok: false, answer_matches_reference_exactly: true }),
        taskResult("a-much-longer-id#1", { ok: true, answer_matches_reference_exactly: false }),
        taskResult("a-much-longer-id#2", { ok: true, answer_matches_reference_exactly: true }),
      ]),
    );
    const lines = flakinessSummary(report).split("\n");
    assert.deepEqual(lines.slice(1), [
      "  answer_matches_reference_exactly pass@1  75.0%   pass@2 100.0%   pass^2  50.0%   1/2 flaky",
      "    a-much-longer-id  1/2 passed  flip rate 1.00",
      "  ok                               pass@1  75.0%   pass@2 100.0%   pass^2  50.0%   1/2 flaky",
      "    a                 1/2 passed  flip rate 1.00",
    ]);
  });
});
