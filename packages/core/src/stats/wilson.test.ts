import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { wilsonInterval } from "./wilson.js";

const close = (got: number, expected: number, eps = 1e-5) =>
  assert.ok(Math.abs(got - expected) < eps, `got ${got}, expected ${expected}`);

describe("wilsonInterval", () => {
  it("matches the spec's worked example (2 B wins, 1 A win, 1 tie → 0.625 over 4)", () => {
    const [lo, hi] = wilsonInterval(0.625, 4);
    close(lo, 0.21942);
    close(hi, 0.9081);
  });

  it("clamps to 1 at a perfect rate (p = 1, n = 2)", () => {
    const [lo, hi] = wilsonInterval(1, 2);
    close(lo, 0.34237);
    assert.equal(hi, 1);
  });

  it("is [0, 0] with no trials and symmetric around one half", () => {
    assert.deepEqual(wilsonInterval(0, 0), [0, 0]);
    const [lo, hi] = wilsonInterval(0.5, 10);
    close(lo + hi, 1, 1e-12);
    // Hand-computed: center 0.5, margin (1.96/1.38416)·sqrt(0.025 + 0.0096040) = 0.263418.
    close(hi - 0.5, 0.263418);
  });
});
