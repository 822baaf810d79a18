import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TestConfig } from "@ag2/eval-agent";
import { createTask, Trace } from "@ag2/eval-core";
import { answer, call, result } from "./internal/context.test-helper.js";
import { pairwiseJudge } from "./pairwise-judge.js";

const pick = (preferred: string, reasoning = "r") => JSON.stringify({ preferred, reasoning });
const task = createTask({
  taskId: "t1",
  inputs: { input: "2+2?" },
  referenceOutputs: { answer: "4" },
});
const traceA = new Trace({ events: [answer("four")] });
const traceB = new Trace({
  events: [call("calc", { e: "2+2" }), result("calc", "4"), answer("4")],
});
const compareWith = (
  config: TestConfig,
  options: Partial<Parameters<typeof pairwiseJudge>[1]> = {},
) =>
  pairwiseJudge(config, { criterion: "correct", key: "correct", ...options }).compare({
    task,
    traceA,
    traceB,
    referenceOutputs: task.referenceOutputs,
  });

/** A judge that always prefers the response containing `text`, whatever its position. */
const prefers = (text: string) =>
  new TestConfig((request) => {
    const user = String(request.messages[1]?.content);
    const first = /## Response 1\n(.*)/.exec(user)?.[1];
    return pick(first === text ? "first" : "second", `saw ${first}`);
  });

describe("pairwiseJudge", () => {
  it("renders the reference's prompts, Response 1 = A on the first call", async () => {
    const config = new TestConfig(pick("tie"), pick("tie"));
    await compareWith(config);
    const [system, user] = config.requests[0]?.messages ?? [];
    assert.equal(
      system?.content,
      "You are comparing two AI responses against a single criterion. Criterion: correct\n" +
        'Decide which response is better on THIS criterion only: answer "first", "second", or "tie". ' +
        "Do not favor a response for its position or its length.",
    );
    assert.equal(
      user?.content,
      '## Task\n2+2?\n\n## Reference\n{"answer": "4"}\n\n## Response 1\nfour\n\n## Response 2\n4',
    );
    assert.equal(
      config.requests[1]?.messages[1]?.content,
      '## Task\n2+2?\n\n## Reference\n{"answer": "4"}\n\n## Response 1\n4\n\n## Response 2\nfour',
    );
  });

  it("adds trajectories when asked and drops the reference when told", async () => {
    const config = new TestConfig(pick("tie"));
    await compareWith(config, { includeTrace: true, includeReference: false, swap: false });
    assert.equal(
      config.requests[0]?.messages[1]?.content,
      '## Task\n2+2?\n\n## Response 1\nfour\n\n### Response 1 trajectory\n(no tool calls)\n\n## Response 2\n4\n\n### Response 2 trajectory\n- call calc({"e":"2+2"})\n  -> result: 4',
    );
  });

  it("swap: a consistent preference wins, with both orders in detail and call 1's reasoning", async () => {
    const outcome = await compareWith(prefers("4"));
    assert.deepEqual(outcome, {
      winner: "b",
      reasoning: "saw four",
      detail: { order1: "second", order2: "first" },
    });
    assert.equal((await compareWith(prefers("four"))).winner, "a");
  });

  it("swap: a position-biased judge (always 'first') gives a tie", async () => {
    const outcome = await compareWith(new TestConfig(pick("first"), pick("first")));
    assert.deepEqual(outcome.detail, { order1: "first", order2: "first" });
    assert.equal(outcome.winner, "tie");
    assert.equal((await compareWith(new TestConfig(pick("tie"), pick("tie")))).winner, "tie");
  });

  it("swap: false asks once and maps first→a, second→b", async () => {
    const config = new TestConfig(pick("second", "b is right"));
    const outcome = await compareWith(config, { swap: false });
    assert.deepEqual(outcome, {
      winner: "b",
      reasoning: "b is right",
      detail: { order1: "second" },
    });
    assert.equal(config.requests.length, 1);
  });

  it("no verdict counts as a tie; invalid output rejects (the runner records a tie)", async () => {
    const none = await compareWith(new TestConfig(""), { swap: false });
    assert.deepEqual(none, {
      winner: "tie",
      reasoning: "judge returned no verdict",
      detail: { order1: "tie" },
    });
    await assert.rejects(
      async () => compareWith(new TestConfig(pick("maybe"), pick("maybe")), { swap: false }),
      {
        name: "ResponseValidationError",
      },
    );
  });

  it("uses (no answer) for a trace without a final text", async () => {
    const config = new TestConfig(pick("tie"));
    await pairwiseJudge(config, { criterion: "c", key: "k", swap: false }).compare({
      task,
      traceA: new Trace(),
      traceB,
      referenceOutputs: null,
    });
    assert.match(String(config.requests[0]?.messages[1]?.content), /## Response 1\n\(no answer\)/);
  });
});
