import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { finalAnswerMatches } from "./final-answer-matches.js";
import { answer, context } from "./internal/context.test-helper.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

const score = async (s: ReturnType<typeof finalAnswerMatches>, ctx: ReturnType<typeof context>) =>
  (await s.score(ctx))[0]?.score;

describe("finalAnswerMatches", () => {
  it("casefold (default) compares the body case-insensitively, with full folding", async () => {
    const s = finalAnswerMatches();
    assert.equal(s.key, "final_answer_matches");
    assert.equal(
      await score(s, context({ events: [answer("PARIS")], reference: { answer: "paris" } })),
      true,
    );
    assert.equal(
      await score(s, context({ events: [answer("Straße")], reference: { answer: "STRASSE" } })),
      true,
    );
    assert.equal(
      await score(s, context({ events: [answer("Lyon")], reference: { answer: "Paris" } })),
      false,
    );
  });

  it("reads the field from JSON content when present, else the body", async () => {
    const s = finalAnswerMatches("city", { matcher: "exact" });
    const json = context({
      events: [answer('{"city":"Paris","n":1}')],
      reference: { city: "Paris" },
    });
    assert.equal(await score(s, json), true);
    const plain = context({ events: [answer("Paris")], reference: { city: "Paris" } });
    assert.equal(await score(s, plain), true);
  });

  it("exact compares raw values structurally, without string conversion", async () => {
    const s = finalAnswerMatches("answer", { matcher: "exact" });
    const num = context({ events: [answer('{"answer":42}')], reference: { answer: 42 } });
    assert.equal(await score(s, num), true);
    const str = context({ events: [answer('{"answer":"42"}')], reference: { answer: 42 } });
    assert.equal(await score(s, str), false);
    const list = context({
      events: [answer('{"answer":[1,{"a":2}]}')],
      reference: { answer: [1, { a: 2 }] },
    });
    assert.equal(await score(s, list), true);
  });

  it("contains checks the expected text occurs in the answer (case-sensitive)", async () => {
    const s = finalAnswerMatches("answer", { matcher: "contains" });
    const ctx = context({
      events: [answer("The capital is Paris.")],
      reference: { answer: "Paris" },
    });
    assert.equal(await score(s, ctx), true);
    const lower = context({
      events: [answer("the capital is paris.")],
      reference: { answer: "Paris" },
    });
    assert.equal(await score(s, lower), false);
  });

  it("is false when the reference is missing, lacks the field, or there is no answer", async () => {
    const s = finalAnswerMatches();
    assert.equal(await score(s, context({ events: [answer("Paris")] })), false);
    assert.equal(
      await score(s, context({ events: [answer("Paris")], reference: { other: 1 } })),
      false,
    );
    assert.equal(await score(s, context({ reference: { answer: "Paris" } })), false);
    assert.equal(
      await score(s, context({ events: [answer(null)], reference: { answer: "x" } })),
      false,
    );
  });

  it("rejects an unknown matcher at construction", () => {
    assert.throws(
      () => finalAnswerMatches("answer", { matcher: "fuzzy" as "exact" }),
      (error: unknown) =>
        ScorerOptionsError.isInstance(error) && /matcher got "fuzzy"/.test(error.message),
    );
  });
});
