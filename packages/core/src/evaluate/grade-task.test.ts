import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Scorer, ScorerReturnTypeError, scoreNow, scorer } from "../scoring/scorer.js";
import { createTask } from "../suite/task.js";
import { Trace } from "../trace/trace.js";
import { gradeTask } from "./grade-task.js";

const task = createTask({ taskId: "t1", inputs: { input: "q" }, referenceOutputs: { a: 1 } });
const trace = new Trace({ durationMs: 3 });
const input = { task, trace, ref: null, outputs: { body: "yes" } };
const settings = (scorers: Scorer[]) => ({ scorers, runId: "r" });

describe("gradeTask: scorers that answer without a promise", () => {
  it("grades synchronously when every scorer is a plain-value scorer()", () => {
    const graded = gradeTask(
      input,
      settings([scorer(() => true, { key: "a" }), scorer(() => "x", { key: "b" })]),
    );
    assert.ok(!(graded instanceof Promise));
    assert.deepEqual(graded.feedback, [
      { key: "a", score: true },
      { key: "b", value: "x" },
    ]);
  });

  it("keeps scorer order when sync, async and hand-written scorers mix", async () => {
    const handWritten: Scorer = { key: "h", score: async () => [{ key: "h", score: 0.5 }] };
    const graded = gradeTask(
      input,
      settings([
        scorer(() => 1, { key: "s1" }),
        scorer(async () => 2, { key: "a1" }),
        scorer(() => 3, { key: "s2" }),
        handWritten,
        scorer(() => Number.NaN, { key: "s3" }),
      ]),
    );
    assert.ok(graded instanceof Promise);
    const keys = (await graded).feedback.map((fb) => `${fb.key}=${fb.score}`);
    assert.deepEqual(keys, ["s1=1", "a1=2", "s2=3", "h=0.5", "s3=null"]);
  });

  it("records a sync throw as the scorer's null feedback, as an async one", async () => {
    const graded = await gradeTask(
      input,
      settings([
        scorer(
          () => {
            throw new RangeError("sync boom");
          },
          { key: "s" },
        ),
        scorer(() => Promise.reject(new TypeError("async boom")), { key: "a" }),
      ]),
    );
    assert.deepEqual(graded.feedback, [
      { key: "s", score: null, comment: "scorer raised: RangeError: sync boom" },
      { key: "a", score: null, comment: "scorer raised: TypeError: async boom" },
    ]);
    assert.equal(graded.trace.exception, null);
  });

  it("makes a bad return type that scorer's error feedback, keeping the others', sync or async", async () => {
    for (const bad of [() => ({ nope: 1 }), async () => ({ nope: 1 })]) {
      const graded = await gradeTask(
        input,
        settings([scorer(() => true, { key: "ok" }), scorer(bad as () => never, { key: "bad" })]),
      );
      assert.deepEqual(
        graded.feedback.map((f) => [f.key, f.score]),
        [
          ["ok", true],
          ["bad", null],
        ],
      );
      assert.match(graded.feedback[1]?.comment ?? "", /^scorer raised: ScorerReturnTypeError: /);
      assert.equal(graded.trace.exception, null);
      assert.equal(graded.trace.durationMs, 3);
    }
  });

  it("records a hand-written scorer that throws, or resolves to no list, as its error feedback", async () => {
    const throws: Scorer = {
      key: "t",
      score: () => {
        throw new Error("no promise at all");
      },
    };
    const graded = await gradeTask(input, settings([throws]));
    assert.deepEqual(graded.feedback, [
      { key: "t", score: null, comment: "scorer raised: Error: no promise at all" },
    ]);
    assert.equal(graded.trace.exception, null);
    const notList = { key: "n", score: async () => 7 } as unknown as Scorer;
    const graded2 = await gradeTask(input, settings([notList]));
    assert.equal(graded2.trace.exception, null);
    assert.match(graded2.feedback[0]?.comment ?? "", /^scorer raised: TypeError: /);
  });

  it("awaits a thenable a scorer function returns, as `await` would", async () => {
    // biome-ignore lint/suspicious/noThenProperty: a thenable is what this test is about
    const thenable = { then: (resolve: (value: number) => void) => resolve(0.25) };
    const s = scorer(() => thenable as unknown as number, { key: "th" });
    const now = scoreNow(s, { ...input, inputs: task.inputs, referenceOutputs: null });
    assert.ok(now instanceof Promise);
    assert.deepEqual(await now, [{ key: "th", score: 0.25 }]);
  });
});

describe("scoreNow", () => {
  it("awaits a thenable a hand-written scorer returns, and a promise of another realm", async () => {
    const thenable: Scorer = {
      key: "h",
      score: () =>
        ({
          // biome-ignore lint/suspicious/noThenProperty: a thenable is what this test is about
          then: (resolve: (value: unknown) => void) => resolve([{ key: "h", score: 1 }]),
        }) as unknown as Promise<[]>,
    };
    const { runInNewContext } = await import("node:vm");
    const foreign: Scorer = {
      key: "v",
      score: () => runInNewContext("Promise.resolve([{ key: 'v', score: 0.5 }])") as Promise<[]>,
    };
    const graded = await gradeTask(input, settings([thenable, foreign]));
    assert.equal(graded.trace.exception, null);
    assert.deepEqual(
      graded.feedback.map((fb) => `${fb.key}=${fb.score}`),
      ["h=1", "v=0.5"],
    );
  });

  it("gives each scorer its own context: reassigning a field does not reach the next", async () => {
    const graded = await gradeTask(
      input,
      settings([
        scorer(
          (context) => {
            (context as { outputs: unknown }).outputs = { body: "MUTATED" };
            return 1;
          },
          { key: "a" },
        ),
        scorer(({ outputs }) => ({ key: "b", score: 1, comment: String(outputs.body) }), {
          key: "b",
        }),
      ]),
    );
    assert.equal(graded.feedback[1]?.comment, "yes");
  });

  it("a `then` getter that throws is the scorer raising, as awaiting it would be", () => {
    const hostile = scorer(
      () =>
        // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is what this test is about
        Object.defineProperty({}, "then", {
          get() {
            throw new RangeError("no then for you");
          },
        }) as unknown as boolean,
      { key: "x" },
    );
    const graded = gradeTask(input, settings([hostile]));
    assert.ok(!(graded instanceof Promise));
    assert.deepEqual(graded.feedback, [
      { key: "x", score: null, comment: "scorer raised: RangeError: no then for you" },
    ]);
  });

  it("returns what score() resolves to, and rejects where score() rejects", async () => {
    const context = { inputs: {}, outputs: {}, referenceOutputs: null, trace, task };
    const s = scorer(() => 0.5, { key: "k" });
    assert.deepEqual(scoreNow(s, context), await s.score(context));
    const bad = scorer(() => [1] as never, { key: "k" });
    assert.throws(() => scoreNow(bad, context), ScorerReturnTypeError);
    await assert.rejects(bad.score(context), ScorerReturnTypeError);
  });

  it("calls a copy whose score was replaced through its own score", async () => {
    const base = scorer(() => 1, { key: "base" });
    const wrapped: Scorer = {
      ...base,
      score: async (context) => [{ key: "wrapped", score: (await base.score(context)).length }],
    };
    const context = { inputs: {}, outputs: {}, referenceOutputs: null, trace, task };
    assert.deepEqual(await scoreNow(wrapped, context), [{ key: "wrapped", score: 1 }]);
  });
});
