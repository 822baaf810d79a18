import assert from "node:assert/strict";
import { describe, it } from "node:test";
// from the barrel: users catch it by the name fromJSON documents
import { PairwiseJsonError } from "../index.js";
import { PairwiseRunResult } from "./pairwise-run-result.js";
import type { PairwiseCase, PairwiseWinner } from "./pairwise-types.js";

const at = (taskId: string, key: string, winner: PairwiseWinner, detail = {}): PairwiseCase => ({
  taskId,
  key,
  winner,
  reasoning: null,
  detail,
});

function result(cases: PairwiseCase[], keys = ["judge"]): PairwiseRunResult {
  return new PairwiseRunResult({
    runId: "pw1",
    createdAt: "2026-01-01T00:00:00.000Z",
    durationMs: 12,
    variantA: "old",
    variantB: "new",
    nPairs: new Set(cases.map((c) => c.taskId)).size,
    keys,
    cases,
  });
}

const spec = () =>
  result([
    at("t1", "judge", "b"),
    at("t2", "judge", "a"),
    at("t3", "judge", "tie"),
    at("t4", "judge", "b"),
  ]);

describe("PairwiseRunResult", () => {
  it("tallies and gives B's win rate with the Wilson interval (spec example)", () => {
    const r = spec();
    assert.deepEqual(r.tally("judge"), [1, 2, 1]);
    const w = r.winRate("judge");
    assert.equal(w.variant, "new");
    assert.equal(w.rate, 0.625);
    assert.deepEqual([w.wins, w.losses, w.ties, w.n], [2, 1, 1, 4]);
    assert.ok(Math.abs(w.ci[0] - 0.21942) < 1e-5 && Math.abs(w.ci[1] - 0.9081) < 1e-5);
    assert.deepEqual(r.winRate("unknown"), {
      variant: "new",
      rate: 0,
      wins: 0,
      losses: 0,
      ties: 0,
      n: 0,
      ci: [0, 0],
    });
  });

  it("counts position flips only when both orders are recorded", () => {
    const r = result([
      at("t1", "judge", "tie", { order1: "first", order2: "first" }), // a vs b → flip
      at("t2", "judge", "a", { order1: "first", order2: "second" }), // a vs a → stable
      at("t3", "judge", "tie", { order1: "first", order2: "tie" }), // a vs tie → flip
      at("t4", "judge", "b", { order1: "second" }), // one order only
    ]);
    assert.equal(r.flips("judge"), 2);
  });

  it("measures agreement between two keys with Cohen's kappa (spec example)", () => {
    const r = result(
      [
        at("t1", "x", "b"),
        at("t1", "y", "b"),
        at("t2", "x", "b"),
        at("t2", "y", "tie"),
        at("t3", "x", "a"),
        at("t3", "y", "a"),
        at("t4", "x", "tie"),
        at("t4", "y", "tie"),
        at("t5", "x", "a"),
      ],
      ["x", "y"],
    );
    const agreement = r.agreement("x", "y");
    assert.equal(agreement.rate, 0.75);
    assert.equal(agreement.n, 4);
    assert.ok(Math.abs(agreement.cohenKappa - 0.63636) < 1e-5);
    assert.deepEqual(agreement.disagreements, [["t2", "b", "tie"]]);
  });

  it("writes the reference's summary", () => {
    const r = result([
      ...spec().cases,
      at("t5", "judge", "b", { order1: "second", order2: "first" }),
      at("t6", "judge", "a", { order1: "first", order2: "first" }),
    ]);
    // 3 B, 2 A, 1 tie: rate 3.5/6 = 58.3%; Wilson [24.1%, 86.1%] (checked with Python's f-strings).
    assert.equal(
      r.summary(),
      [
        "Pairwise pw1  —  'new' (B) vs 'old' (A) · 6 cases",
        "  key                  B   A  tie   win-rate(new)   95% CI",
        "  judge                3   2    1       58.3%   [24%, 86%]",
        "                     position-flips → tie: 1",
      ].join("\n"),
    );
  });

  it("round-trips through JSON", () => {
    const r = result([
      at("t1", "judge", "b", { order1: "second", order2: "second" }),
      at("t2", "judge", "tie"),
    ]);
    const json = JSON.parse(JSON.stringify(r));
    assert.equal(json.schema_version, "0.1");
    assert.deepEqual(json.win_rates.judge.ci, [...r.winRate("judge").ci]);
    assert.deepEqual(json.flips, { judge: 1 });
    const back = PairwiseRunResult.fromJSON(json);
    assert.deepEqual(back.toJSON(), r.toJSON());
    assert.equal(back.summary(), r.summary());
  });

  it("writes warnings only when there are some, and reads them back", () => {
    const clean = spec();
    assert.deepEqual(clean.warnings, []);
    assert.equal("warnings" in clean.toJSON(), false);
    const warned = new PairwiseRunResult({
      ...spec(),
      warnings: ["processor failed (in 2 tasks)"],
    });
    const json = JSON.parse(JSON.stringify(warned));
    assert.deepEqual(json.warnings, ["processor failed (in 2 tasks)"]);
    assert.deepEqual(PairwiseRunResult.fromJSON(json).warnings, ["processor failed (in 2 tasks)"]);
    json.warnings = "processor failed";
    assert.throws(
      () => PairwiseRunResult.fromJSON(json, { source: "runs/pw1.json" }),
      (error: unknown) =>
        PairwiseJsonError.isInstance(error) &&
        error.field === "warnings" &&
        /got "processor failed", expected an array of strings/.test(error.message),
    );
  });

  it("names the source and field of a malformed document", () => {
    const json = JSON.parse(JSON.stringify(spec()));
    json.cases[2].winner = "c";
    assert.throws(
      () => PairwiseRunResult.fromJSON(json, { source: "runs/pw1.json" }),
      (error: unknown) =>
        PairwiseJsonError.isInstance(error) &&
        error.field === "cases[2].winner" &&
        error.message ===
          'runs/pw1.json: pairwise result field `cases[2].winner`: got "c", expected "a", "b" or "tie"',
    );
    assert.throws(() => PairwiseRunResult.fromJSON([]), /got \[\], expected an object/);
  });
});
