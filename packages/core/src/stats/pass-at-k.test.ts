import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cohenKappa } from "./cohen-kappa.js";
import { minimumDetectableDifference } from "./minimum-detectable-difference.js";
import { normalQuantile } from "./normal.js";
import { flipRate, passAtK, passHatK } from "./pass-at-k.js";

const close = (got: number, expected: number, eps = 1e-9) =>
  assert.ok(Math.abs(got - expected) < eps, `got ${got}, expected ${expected}`);

describe("passAtK / passHatK", () => {
  it("match the binomial-coefficient formulas on n = 5, c = 2", () => {
    close(passAtK(5, 2, 1), 0.4);
    close(passAtK(5, 2, 2), 1 - 3 / 10);
    close(passAtK(5, 2, 3), 1 - 1 / 10);
    close(passAtK(5, 2, 4), 1);
    close(passHatK(5, 2, 1), 0.4);
    close(passHatK(5, 2, 2), 1 / 10);
    assert.equal(passHatK(5, 2, 3), 0);
  });

  it("are 1 / 0 at the extremes", () => {
    assert.equal(passAtK(3, 3, 1), 1);
    assert.equal(passAtK(3, 0, 3), 0);
    assert.equal(passHatK(3, 3, 3), 1);
  });

  it("reject k outside 1..n", () => {
    assert.throws(() => passAtK(3, 1, 4), /got n=3, c=1, k=4/);
    assert.throws(() => passHatK(3, 4, 1), /0 ≤ c ≤ n/);
  });
});

describe("flipRate", () => {
  it("is the share of repeat pairs that disagree", () => {
    assert.equal(flipRate([true, false]), 1);
    assert.equal(flipRate([true, true, false, true]), 0.5);
    assert.equal(flipRate([true, true, true]), 0);
    assert.equal(flipRate([false]), 0);
  });
});

describe("cohenKappa", () => {
  it("matches the spec's example (b,b) (b,tie) (a,a) (tie,tie) → 0.63636", () => {
    close(
      cohenKappa([
        ["b", "b"],
        ["b", "tie"],
        ["a", "a"],
        ["tie", "tie"],
      ]),
      7 / 11,
    );
  });

  it("is 0 with no items and 1 when chance agreement is certain", () => {
    assert.equal(cohenKappa([]), 0);
    assert.equal(
      cohenKappa([
        ["a", "a"],
        ["a", "a"],
      ]),
      1,
    );
  });
});

describe("normalQuantile", () => {
  it("matches tabulated quantiles", () => {
    close(normalQuantile(0.975), 1.959963985, 1e-8);
    close(normalQuantile(0.8), 0.841621234, 1e-8);
    close(normalQuantile(0.001), -3.090232306, 1e-8);
    assert.throws(() => normalQuantile(1), /got 1/);
  });
});

describe("minimumDetectableDifference", () => {
  it("is the exact floor 6/n for pass/fail keys when nothing disagrees", () => {
    close(
      minimumDetectableDifference({ differences: new Array(100).fill(0), binary: true }) ?? NaN,
      0.06,
    );
  });

  it("is null when too few tasks could ever be significant", () => {
    assert.equal(
      minimumDetectableDifference({ differences: [1, 1, 1, 1, 1], binary: false }),
      null,
    );
  });

  it("follows (z₀.₉₇₅ + z₀.₈)·s/√n", () => {
    // differences ±1 alternating over 16 tasks: mean 0, s² = 16/15.
    const diffs = Array.from({ length: 16 }, (_, i) => (i % 2 ? 1 : -1));
    const expected = ((1.959963985 + 0.841621234) * Math.sqrt(16 / 15)) / 4;
    close(
      minimumDetectableDifference({ differences: diffs, binary: false }) ?? NaN,
      expected,
      1e-7,
    );
  });
});
