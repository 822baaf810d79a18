import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mcnemarExact, minimumDiscordantPairs } from "./mcnemar.js";

describe("mcnemarExact", () => {
  it("gives p ≈ 0.0386 for 10 vs 2 discordant pairs (2·79/4096)", () => {
    assert.ok(Math.abs(mcnemarExact(10, 2) - (2 * 79) / 4096) < 1e-12);
    assert.ok(Math.abs(mcnemarExact(10, 2) - 0.0386) < 1e-4);
  });

  it("is symmetric, 1 with no discordant pair, capped at 1 when balanced", () => {
    assert.equal(mcnemarExact(2, 10), mcnemarExact(10, 2));
    assert.equal(mcnemarExact(0, 0), 1);
    assert.equal(mcnemarExact(3, 3), 1);
    assert.equal(mcnemarExact(6, 0), 2 / 64);
  });

  it("stays finite for thousands of pairs", () => {
    const p = mcnemarExact(1100, 900);
    assert.ok(p > 0 && p < 1e-4, `got ${p}`);
  });

  it("needs 6 one-way pairs at alpha 0.05 and 8 at 0.01", () => {
    assert.equal(minimumDiscordantPairs(0.05), 6);
    assert.equal(minimumDiscordantPairs(0.01), 8);
  });
});
