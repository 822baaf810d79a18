import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signFlipTest } from "./permutation.js";

describe("signFlipTest", () => {
  it("is exact for small n: only the all-plus and all-minus assignments are as extreme", () => {
    assert.equal(signFlipTest([1, 2, 3, 4, 5, 6]), 2 / 64);
  });

  it("counts every assignment at least as extreme (hand enumeration of [1, 1, -1, 3])", () => {
    // Observed |sum| = 4. Of the 16 sign patterns, |±1±1±1±3| ≥ 4 holds for 8 of them.
    assert.equal(signFlipTest([1, 1, -1, 3]), 8 / 16);
  });

  it("ignores zero differences and gives 1 when nothing differs", () => {
    assert.equal(signFlipTest([0, 0, 0]), 1);
    assert.equal(signFlipTest([0, 1, 2, 3, 4, 5, 6]), 2 / 64);
  });

  it("is symmetric in sign and deterministic for a seed in the Monte Carlo regime", () => {
    const diffs = Array.from({ length: 30 }, (_, i) => ((i * 7) % 5) - 1.5);
    const p1 = signFlipTest(diffs, { seed: 3 });
    assert.equal(signFlipTest(diffs, { seed: 3 }), p1);
    assert.equal(
      signFlipTest(
        diffs.map((d) => -d),
        { seed: 3 },
      ),
      p1,
    );
    assert.ok(p1 > 0 && p1 <= 1);
  });

  it("finds a consistent shift significant in the Monte Carlo regime", () => {
    const diffs = Array.from({ length: 40 }, (_, i) => 1 + (i % 3) * 0.1);
    assert.equal(signFlipTest(diffs, { resamples: 999 }), 1 / 1000);
  });

  it("rejects a non-positive number of resamples", () => {
    assert.throws(
      () => signFlipTest([1], { resamples: 0 }),
      /resamples must be a positive integer/,
    );
  });
});
