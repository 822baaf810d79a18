import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scorer } from "@ag2/eval-core";
import { answer, context } from "./internal/context.test-helper.js";
import { ScorerOptionsError } from "./scorer-options-error.js";
import { threshold } from "./threshold.js";
import { tokenBudget } from "./token-budget.js";

const fixed = (fb: Record<string, unknown>) =>
  scorer(() => ({ key: "inner", ...fb }), { key: "inner" });

describe("threshold", () => {
  it("passes numeric scores within inclusive bounds, with the reference's comment and detail", async () => {
    const s = threshold(fixed({ score: 0.7, comment: "good", detail: { x: 1 } }), { atLeast: 0.7 });
    assert.equal(s.key, "inner");
    const [fb] = await s.score(context());
    assert.deepEqual(fb, {
      key: "inner",
      score: true,
      comment: "score 0.7 >= 0.7 → pass; good",
      detail: { x: 1, score: 0.7, at_least: 0.7, at_most: null },
    });
  });

  it("fails outside the bounds and joins both bounds with 'and'", async () => {
    const s = threshold(fixed({ score: 5 }), { atLeast: 1, atMost: 4, key: "in_range" });
    assert.equal(s.key, "in_range");
    const [fb] = await s.score(context());
    assert.equal(fb?.key, "in_range");
    assert.equal(fb?.score, false);
    assert.equal(fb?.comment, "score 5 >= 1 and <= 4 → fail");
    const [upper] = await threshold(fixed({ score: 4 }), { atMost: 4 }).score(context());
    assert.equal(upper?.comment, "score 4 <= 4 → pass");
  });

  it("turns an ungradeable feedback into a failure", async () => {
    const raising = scorer(
      () => {
        throw new TypeError("judge down");
      },
      { key: "judge" },
    );
    const [fb] = await threshold(raising, { atLeast: 0.5 }).score(context());
    assert.equal(fb?.score, false);
    assert.equal(fb?.comment, "ungradeable → fail; scorer raised: TypeError: judge down");
    assert.deepEqual(fb?.detail, { score: null, at_least: 0.5, at_most: null });
  });

  it("passes boolean and categorical feedback through unchanged, key included", async () => {
    const bool = { key: "other", score: true, comment: "c" };
    assert.deepEqual(
      (await threshold(fixed(bool), { atLeast: 1, key: "k" }).score(context()))[0],
      bool,
    );
    const label = { key: "mode", value: "crash" };
    assert.deepEqual((await threshold(fixed(label), { atLeast: 1 }).score(context()))[0], label);
  });

  it("refuses to be built without a bound", () => {
    assert.throws(() => threshold(fixed({ score: 1 }), {}), {
      message: "threshold(): set atLeast and/or atMost",
    });
    assert.throws(
      () => threshold(fixed({ score: 1 }), {}),
      (e: unknown) => ScorerOptionsError.isInstance(e),
    );
  });
});

describe("tokenBudget", () => {
  const usage = (inputTokens: number, outputTokens: number) =>
    answer("x", { usage: { inputTokens, outputTokens, cacheReadInputTokens: 1000 } });

  it("is inclusive and counts input + output over every response (cache excluded)", async () => {
    const s = tokenBudget(150);
    assert.equal(s.key, "token_budget");
    assert.equal(
      (await s.score(context({ events: [usage(100, 20), usage(20, 10)] })))[0]?.score,
      true,
    );
    assert.equal(
      (await s.score(context({ events: [usage(100, 20), usage(20, 11)] })))[0]?.score,
      false,
    );
  });

  it("passes an empty trace (zero tokens)", async () => {
    assert.equal((await tokenBudget(0).score(context()))[0]?.score, true);
  });
});
