import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { groupRepeats } from "../result/repeat-groups.js";
import { boolRun, runOf, taskResult } from "../run-result/task-results.test-helper.js";
import { flakiness } from "./flakiness.js";

describe("groupRepeats", () => {
  it("strips #n only when every id carries it", () => {
    const repeated = boolRun("r", [
      [true, false],
      [true, true],
    ]);
    assert.deepEqual([...groupRepeats(repeated.tasks).keys()], ["t1", "t2"]);
    const plain = runOf("p", [taskResult("a#2", {}), taskResult("b", {})]);
    assert.deepEqual([...groupRepeats(plain.tasks).keys()], ["a#2", "b"]);
  });
});

describe("flakiness", () => {
  it("reports passes, pass@k, pass^k and flip rate per task and key", () => {
    const report = flakiness(
      boolRun("r", [
        [true, false, true, false, false],
        [true, true, true, true, true],
      ]),
    );
    const [t1, t2] = report.tasks;
    assert.equal(t1?.taskId, "t1");
    assert.equal(t1?.passes, 2);
    assert.equal(t1?.n, 5);
    // n = 5, c = 2: pass@k = 1 − C(3,k)/C(5,k) → 0.4, 0.7, 0.9, 1, 1; pass^k = C(2,k)/C(5,k) → 0.4, 0.1, 0, 0, 0.
    const round = (xs: readonly number[]) => xs.map((x) => Math.round(x * 1e9) / 1e9);
    assert.deepEqual(round(t1!.passAtK), [0.4, 0.7, 0.9, 1, 1]);
    assert.deepEqual(round(t1!.passHatK), [0.4, 0.1, 0, 0, 0]);
    assert.equal(t1?.flipRate, (2 * 2 * 3) / (5 * 4));
    assert.equal(t1?.flaky, true);
    assert.equal(t2?.flaky, false);
    assert.equal(t2?.flipRate, 0);
    assert.deepEqual(report.flaky, ["t1"]);
    const key = report.keys[0]!;
    assert.equal(key.key, "ok");
    assert.equal(key.flakyTasks, 1);
    assert.deepEqual(round(key.passAtK), [0.7, 0.85, 0.95, 1, 1]);
    assert.deepEqual(round(key.passHatK), [0.7, 0.55, 0.5, 0.5, 0.5]);
  });

  it("skips repeats whose score is not a boolean and numeric keys", () => {
    const report = flakiness([
      taskResult("t1#1", { ok: true, quality: 0.5 }),
      taskResult("t1#2", { ok: null, quality: 0.7 }),
      taskResult("t1#3", { ok: false, quality: 0.9 }),
    ]);
    assert.equal(report.tasks.length, 1);
    assert.deepEqual([report.tasks[0]?.n, report.tasks[0]?.passes], [2, 1]);
    assert.deepEqual(report.flaky, ["t1"]);
  });

  it("finds nothing flaky in a run without repeats", () => {
    const report = flakiness(boolRun("r", [[true], [false]]));
    assert.deepEqual(report.flaky, []);
    assert.deepEqual(
      report.tasks.map((t) => t.passAtK),
      [[1], [0]],
    );
  });
});
