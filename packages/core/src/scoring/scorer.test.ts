import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTask } from "../suite/task.js";
import { Trace } from "../trace/trace.js";
import type { Feedback } from "./feedback.js";
import { type ScorerContext, type ScorerReturn, ScorerReturnTypeError, scorer } from "./scorer.js";

const context: ScorerContext = {
  inputs: { input: "q" },
  outputs: { body: "a", content: "a" },
  referenceOutputs: { answer: "a" },
  trace: new Trace(),
  task: createTask({ taskId: "t", inputs: { input: "q" } }),
};

class JudgeDown extends Error {}

describe("scorer()", () => {
  it("turns a sync or async throw into a null score commented 'scorer raised: <Type>: <message>'", async () => {
    const sync = scorer(
      () => {
        throw new TypeError("bad body");
      },
      { key: "k" },
    );
    assert.deepEqual(await sync.score(context), [
      { key: "k", score: null, comment: "scorer raised: TypeError: bad body" },
    ]);
    const async_ = scorer(
      async () => {
        throw new JudgeDown("503 from judge");
      },
      { key: "k" },
    );
    assert.deepEqual(await async_.score(context), [
      { key: "k", score: null, comment: "scorer raised: JudgeDown: 503 from judge" },
    ]);
  });

  it("names a non-Error throw by its typeof", async () => {
    const thrower = (value: unknown) =>
      scorer(
        () => {
          throw value;
        },
        { key: "k" },
      );
    assert.equal((await thrower("nope").score(context))[0]?.comment, "scorer raised: string: nope");
    assert.equal((await thrower(42).score(context))[0]?.comment, "scorer raised: number: 42");
  });

  it("defaults the key to the function's name, then to 'scorer'", async () => {
    function exactMatch() {
      return true;
    }
    assert.equal(scorer(exactMatch).key, "exactMatch");
    assert.deepEqual(await scorer(exactMatch).score(context), [{ key: "exactMatch", score: true }]);
    const anonymous = [() => true][0] as () => boolean;
    assert.equal(scorer(anonymous).key, "scorer");
    assert.equal(scorer(exactMatch, { key: "exact" }).key, "exact");
  });

  it("normalizes booleans, numbers and strings into one feedback, null and undefined into none", async () => {
    const returning = (value: ScorerReturn) => scorer(() => value, { key: "k" }).score(context);
    assert.deepEqual(await returning(false), [{ key: "k", score: false }]);
    assert.deepEqual(await returning(0), [{ key: "k", score: 0 }]);
    assert.deepEqual(await returning(0.75), [{ key: "k", score: 0.75 }]);
    assert.deepEqual(await returning("polite"), [{ key: "k", value: "polite" }]);
    assert.deepEqual(await returning(""), [{ key: "k", value: "" }]);
    assert.deepEqual(await returning(null), []);
    assert.deepEqual(await returning(undefined), []);
  });

  it("keeps a Feedback or a Feedback list as returned, each with its own key", async () => {
    const own: Feedback = { key: "tone", value: "warm", comment: "friendly" };
    assert.deepEqual(await scorer(() => own, { key: "k" }).score(context), [own]);
    const list: Feedback[] = [
      { key: "a", score: 1 },
      { key: "b", score: true, detail: { n: 2 } },
    ];
    assert.deepEqual(await scorer(async () => list, { key: "k" }).score(context), list);
    assert.deepEqual(await scorer(() => [], { key: "k" }).score(context), []);
  });

  it("rejects an unsupported return with a ScorerReturnTypeError naming the key and type", async () => {
    const returning = (value: unknown) =>
      scorer(() => value as ScorerReturn, { key: "k" }).score(context);
    await assert.rejects(returning({ verdict: "yes" }), (error: unknown) => {
      assert.ok(error instanceof ScorerReturnTypeError);
      assert.equal(
        error.message,
        "scorer 'k' returned unsupported type Object; expected boolean, number, string, Feedback, Feedback[], null or undefined",
      );
      return true;
    });
    await assert.rejects(returning(new Date(0)), {
      message: /^scorer 'k' returned unsupported type Date;/,
    });
    await assert.rejects(returning(10n), { message: /unsupported type bigint;/ });
  });

  it("rejects a list holding a non-Feedback, naming its index and type", async () => {
    const returning = (value: unknown) =>
      scorer(() => value as ScorerReturn, { key: "k" }).score(context);
    await assert.rejects(returning([{ key: "a", score: 1 }, true]), (error: unknown) => {
      assert.ok(error instanceof ScorerReturnTypeError);
      assert.equal(
        error.message,
        "scorer 'k' returned list[...] with non-Feedback at index 1: got boolean",
      );
      return true;
    });
    await assert.rejects(returning([null]), {
      message: "scorer 'k' returned list[...] with non-Feedback at index 0: got null",
    });
    await assert.rejects(returning([{ key: "a", score: "high" }]), {
      message: "scorer 'k' returned list[...] with non-Feedback at index 0: got Object",
    });
  });

  it("turns a NaN or infinite score into no signal with a comment, directly, in a Feedback and in a list", async () => {
    const score = (returned: ScorerReturn) => scorer(() => returned, { key: "k" }).score(context);
    assert.deepEqual(await score(Number.NaN), [
      { key: "k", score: null, comment: "scorer returned NaN" },
    ]);
    assert.deepEqual(
      await score({ key: "k", score: Number.POSITIVE_INFINITY, comment: "0/0 guard" }),
      [{ key: "k", score: null, comment: "scorer returned Infinity; 0/0 guard" }],
    );
    assert.deepEqual(
      await score([
        { key: "a", score: 0.5 },
        { key: "b", score: Number.NEGATIVE_INFINITY, value: "x", detail: { n: 1 } },
      ]),
      [
        { key: "a", score: 0.5 },
        {
          key: "b",
          score: null,
          value: "x",
          detail: { n: 1 },
          comment: "scorer returned -Infinity",
        },
      ],
    );
  });
});
