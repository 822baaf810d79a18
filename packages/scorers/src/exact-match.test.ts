import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contains } from "./contains.js";
import { exactMatch } from "./exact-match.js";
import { answer, context } from "./internal/context.test-helper.js";
import { numericClose } from "./numeric-close.js";
import { regexMatch } from "./regex-match.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

const first = async (
  s: { score: (c: ReturnType<typeof context>) => Promise<unknown[]> },
  ctx: ReturnType<typeof context>,
) =>
  (await s.score(ctx))[0] as {
    key: string;
    score: unknown;
    comment?: string;
    detail?: Record<string, unknown>;
  };

describe("exactMatch", () => {
  it("compares trimmed text with the reference field; case-sensitive by default", async () => {
    const s = exactMatch();
    const ok = await first(
      s,
      context({ events: [answer("  Paris \n")], reference: { answer: "Paris" } }),
    );
    assert.equal(ok.key, "exact_match");
    assert.equal(ok.score, true);
    const bad = await first(
      s,
      context({ events: [answer("paris")], reference: { answer: "Paris" } }),
    );
    assert.equal(bad.score, false);
    assert.equal(bad.comment, 'got "paris", expected "Paris"');
  });

  it("honours ignoreCase, trim: false and a fixed expected value", async () => {
    const ci = exactMatch({ ignoreCase: true, expected: "PARIS" });
    assert.equal((await first(ci, context({ events: [answer("paris")] }))).score, true);
    const strict = exactMatch({ trim: false, expected: "Paris" });
    assert.equal((await first(strict, context({ events: [answer("Paris ")] }))).score, false);
  });

  it("reads a JSON output's field and compares non-strings as text", async () => {
    const s = exactMatch({ field: "n" });
    const ctx = context({ events: [answer('{"n": 42}')], reference: { n: 42 } });
    assert.equal((await first(s, ctx)).score, true);
  });

  it("is ungradeable (null) without a reference, and false without an answer", async () => {
    const s = exactMatch();
    const none = await first(s, context({ events: [answer("x")] }));
    assert.equal(none.score, null);
    assert.equal(none.comment, "no expected value: referenceOutputs.answer is missing");
    assert.equal((await first(s, context({ reference: { answer: "x" } }))).score, false);
  });
});

describe("contains", () => {
  it("all (default) requires every string and names the missing ones", async () => {
    const s = contains(["Paris", "France"]);
    assert.equal((await first(s, context({ events: [answer("Paris, France")] }))).score, true);
    const miss = await first(s, context({ events: [answer("Paris, Texas")] }));
    assert.equal(miss.score, false);
    assert.equal(miss.comment, 'missing "France"');
  });

  it("any requires one; ignoreCase folds both sides", async () => {
    const s = contains(["paris", "lyon"], { mode: "any", ignoreCase: true });
    assert.equal((await first(s, context({ events: [answer("LYON")] }))).score, true);
    const none = await first(s, context({ events: [answer("Nice")] }));
    assert.equal(none.score, false);
    assert.equal(none.comment, 'none of "paris", "lyon" found');
  });

  it("fails with no answer and rejects an empty list", async () => {
    assert.equal((await first(contains("x"), context())).score, false);
    assert.throws(
      () => contains([]),
      (e: unknown) => ScorerOptionsError.isInstance(e),
    );
  });
});

describe("regexMatch", () => {
  it("passes on a match and records it; fails with the pattern in the comment", async () => {
    const s = regexMatch(/\d{4}-\d{2}-\d{2}/);
    const ok = await first(s, context({ events: [answer("due 2025-01-31.")] }));
    assert.equal(ok.score, true);
    assert.equal(ok.detail?.match, "2025-01-31");
    const bad = await first(s, context({ events: [answer("tomorrow")] }));
    assert.equal(bad.score, false);
    assert.match(String(bad.comment), /did not match "tomorrow"/);
  });

  it("a global pattern grades repeated calls the same (no lastIndex leak)", async () => {
    const s = regexMatch(/ok/g);
    const ctx = context({ events: [answer("ok")] });
    for (let i = 0; i < 3; i++) assert.equal((await first(s, ctx)).score, true);
  });

  it("compiles string patterns with flags, and rejects a broken one at construction", async () => {
    assert.equal(
      (await first(regexMatch("^yes$", { flags: "i" }), context({ events: [answer("YES")] })))
        .score,
      true,
    );
    assert.throws(
      () => regexMatch("(unclosed"),
      (e: unknown) => ScorerOptionsError.isInstance(e),
    );
    assert.equal((await first(regexMatch("x"), context())).score, false);
  });
});

describe("numericClose", () => {
  it("uses isclose's rule with absolute and relative tolerance", async () => {
    const abs = numericClose({ absTol: 0.01 });
    assert.equal(
      (await first(abs, context({ events: [answer("3.141")], reference: { answer: 3.14 } }))).score,
      true,
    );
    const far = await first(abs, context({ events: [answer("3.2")], reference: { answer: 3.14 } }));
    assert.equal(far.score, false);
    assert.match(String(far.comment), /^got 3.2, expected 3.14/);
    const rel = numericClose({ relTol: 0.01, expected: 1000 });
    assert.equal((await first(rel, context({ events: [answer("1009")] }))).score, true);
    assert.equal((await first(rel, context({ events: [answer("1011")] }))).score, false);
  });

  it("reads the first number in text, with thousands separators", async () => {
    const s = numericClose({ expected: 1234.5 });
    assert.equal((await first(s, context({ events: [answer("about 1,234.5 km")] }))).score, true);
    assert.equal((await first(s, context({ events: [answer('{"answer": 1234.5}')] }))).score, true);
  });

  it("is null without an expected number, false without a number in the answer", async () => {
    const s = numericClose();
    assert.equal((await first(s, context({ events: [answer("1")] }))).score, null);
    const nan = await first(s, context({ events: [answer("1")], reference: { answer: "n/a" } }));
    assert.equal(nan.score, null);
    assert.equal(
      (await first(s, context({ events: [answer("none")], reference: { answer: 1 } }))).score,
      false,
    );
    assert.throws(
      () => numericClose({ absTol: -1 }),
      (e: unknown) => ScorerOptionsError.isInstance(e),
    );
  });
});
