import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answer, call, context, result } from "./internal/context.test-helper.js";
import { ScorerOptionsError } from "./scorer-options-error.js";
import { toolArgsMatch } from "./tool-args-match.js";
import { trajectoryMatch } from "./trajectory-match.js";

const run = (...calls: ReturnType<typeof call>[]) =>
  context({ events: [...calls, answer("done")] });
const grade = async (s: ReturnType<typeof trajectoryMatch>, ctx: ReturnType<typeof context>) => {
  const [fb] = await s.score(ctx);
  return { score: fb?.score, comment: fb?.comment };
};

describe("trajectoryMatch", () => {
  it("strict: same calls in the same order; the comment shows the first mismatch", async () => {
    const s = trajectoryMatch(["search", "book"]);
    assert.equal(s.key, "trajectory_match");
    assert.deepEqual(await grade(s, run(call("search"), call("book"))), {
      score: true,
      comment: undefined,
    });
    assert.deepEqual(await grade(s, run(call("book"), call("search"))), {
      score: false,
      comment: "step 1: expected search, got book({})",
    });
    assert.deepEqual(await grade(s, run(call("search"))), {
      score: false,
      comment: "step 2: expected book, got no call",
    });
    assert.deepEqual(await grade(s, run(call("search"), call("book"), call("book"))), {
      score: false,
      comment: "step 3: expected no more calls, got book({})",
    });
  });

  it("unordered: the same multiset of calls in any order", async () => {
    const s = trajectoryMatch(["a", "b", "a"], { mode: "unordered" });
    assert.equal((await grade(s, run(call("b"), call("a"), call("a")))).score, true);
    assert.deepEqual(await grade(s, run(call("a"), call("b"))), {
      score: false,
      comment: "expected call not made: a",
    });
    assert.deepEqual(await grade(s, run(call("a"), call("b"), call("a"), call("c"))), {
      score: false,
      comment: "unexpected call 4: c({})",
    });
  });

  it("superset allows extra calls; subset forbids calls outside the expected ones", async () => {
    const superset = trajectoryMatch(["search"], { mode: "superset" });
    assert.equal((await grade(superset, run(call("lookup"), call("search")))).score, true);
    assert.equal((await grade(superset, run(call("lookup")))).score, false);
    const subset = trajectoryMatch(["search", "lookup"], { mode: "subset" });
    assert.equal((await grade(subset, run(call("lookup")))).score, true);
    assert.equal((await grade(subset, run())).score, true);
    assert.deepEqual(await grade(subset, run(call("lookup"), call("delete", { id: 1 }))), {
      score: false,
      comment: 'unexpected call 2: delete({"id":1})',
    });
  });

  it("compares arguments exactly, as a subset, or with a custom function", async () => {
    const trace = run(call("book", { city: "Paris", nights: 2 }));
    const exact = trajectoryMatch([{ name: "book", args: { city: "Paris" } }], { args: "exact" });
    assert.deepEqual(await grade(exact, trace), {
      score: false,
      comment: 'step 1: expected book({"city":"Paris"}), got book({"city":"Paris","nights":2})',
    });
    const subset = trajectoryMatch([{ name: "book", args: { city: "Paris" } }], { args: "subset" });
    assert.equal((await grade(subset, trace)).score, true);
    const custom = trajectoryMatch([{ name: "book", args: 2 }], {
      args: (want, got) => (got as { nights: number }).nights === want,
    });
    assert.equal((await grade(custom, trace)).score, true);
    const ignored = trajectoryMatch([{ name: "book", args: { city: "Rome" } }]);
    assert.equal((await grade(ignored, trace)).score, true);
  });

  it("unordered matching finds an assignment a greedy pass would miss", async () => {
    const s = trajectoryMatch(
      [
        { name: "f", args: {} },
        { name: "f", args: { x: 1 } },
      ],
      { mode: "unordered", args: "subset" },
    );
    assert.equal((await grade(s, run(call("f", { x: 1 }), call("f", { y: 2 })))).score, true);
  });

  it("an empty expectation matches only an empty trajectory in strict mode", async () => {
    assert.equal((await grade(trajectoryMatch([]), context())).score, true);
    assert.equal((await grade(trajectoryMatch([]), run(call("a")))).score, false);
    assert.throws(
      () => trajectoryMatch([], { mode: "fuzzy" as "strict" }),
      (e: unknown) => ScorerOptionsError.isInstance(e),
    );
  });
});

describe("toolArgsMatch", () => {
  const trace = run(call("search", { q: "paris", page: 1 }), call("search", { q: "lyon" }));

  it("passes when any call contains the partial object, keyed by tool", async () => {
    const s = toolArgsMatch("search", { q: "lyon" });
    assert.equal(s.key, "tool_args_match[search]");
    const [fb] = await s.score(trace);
    assert.equal(fb?.score, true);
    assert.deepEqual(fb?.detail, { calls: 2, matched: 1 });
  });

  it("with match: all, every call must match, and the comment names the first that does not", async () => {
    const [fb] = await toolArgsMatch("search", { page: 1 }, { match: "all" }).score(trace);
    assert.equal(fb?.score, false);
    assert.equal(fb?.comment, 'call 2 of 2 did not match: search({"q":"lyon"})');
  });

  it("accepts a predicate; a throwing predicate is ungradeable, not a crash", async () => {
    const long = toolArgsMatch("search", (a) => String((a as { q: string }).q).length > 4);
    assert.equal((await long.score(trace))[0]?.score, true);
    const broken = toolArgsMatch("search", () => {
      throw new RangeError("bad predicate");
    });
    const [fb] = await broken.score(trace);
    assert.equal(fb?.score, null);
    assert.equal(fb?.comment, "scorer raised: RangeError: bad predicate");
  });

  it("fails when the tool was never called, and on invalid JSON arguments", async () => {
    const [fb] = await toolArgsMatch("book", {}).score(trace);
    assert.deepEqual([fb?.score, fb?.comment], [false, "tool 'book' was not called"]);
    const raw = run(call("search", "not json"), result("search", "r"));
    assert.equal((await toolArgsMatch("search", { q: "x" }).score(raw))[0]?.score, false);
  });
});
