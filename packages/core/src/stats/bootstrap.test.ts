import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pairedBootstrap, taskDifferences } from "./bootstrap.js";
import { seededRandom } from "./seeded-random.js";

describe("seededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = [a(), a(), a()];
    assert.deepEqual([b(), b(), b()], first);
    assert.notDeepEqual([c(), c(), c()], first);
    for (const value of first) assert.ok(value >= 0 && value < 1);
  });
});

describe("pairedBootstrap", () => {
  it("averages repeats within a task before differencing", () => {
    assert.deepEqual(taskDifferences([{ baseline: [1, 0], current: [1, 1] }]), [0.5]);
  });

  it("gives a zero-width interval at zero when both sides are identical", () => {
    const clusters = [0.2, 0.4, 0.9].map((v) => ({ baseline: [v], current: [v] }));
    assert.deepEqual(pairedBootstrap(clusters), { difference: 0, ci: [0, 0] });
  });

  it("brackets the mean difference and is deterministic for a seed", () => {
    const clusters = Array.from({ length: 20 }, (_, i) => ({
      baseline: [i % 2],
      current: [i % 4 === 0 ? 0 : 1],
    }));
    const first = pairedBootstrap(clusters, { seed: 5 });
    assert.deepEqual(pairedBootstrap(clusters, { seed: 5 }), first);
    assert.equal(first.difference, (15 - 10) / 20);
    assert.ok(first.ci[0] <= first.difference && first.difference <= first.ci[1]);
    assert.ok(first.ci[0] < first.ci[1]);
    // Every resampled mean lies between the smallest and largest per-task difference.
    assert.ok(first.ci[0] >= -1 && first.ci[1] <= 1);
  });

  it("keeps repeats together: a task's repeats count as one unit", () => {
    // One task with many repeats must not look more certain than the same task with one repeat.
    const one = [
      { baseline: [0], current: [1] },
      { baseline: [1], current: [1] },
    ];
    const many = [
      { baseline: [0, 0, 0, 0], current: [1, 1, 1, 1] },
      { baseline: [1], current: [1] },
    ];
    assert.deepEqual(pairedBootstrap(many, { seed: 1 }), pairedBootstrap(one, { seed: 1 }));
  });

  it("rejects an empty side and bad options with the got/expected", () => {
    assert.throws(
      () => taskDifferences([{ baseline: [], current: [1] }]),
      /cluster 0 has no score/,
    );
    assert.throws(() => pairedBootstrap([], { resamples: 0 }), /got 0/);
    assert.throws(() => pairedBootstrap([], { confidence: 1 }), /confidence must be in/);
  });
});
