import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AgentOptionsError, TestConfig } from "@ag2/eval-agent";
import { createTask, Trace } from "@ag2/eval-core";
import type { z } from "zod";
import { agentJudge } from "./agent-judge.js";
import { failureAttribution } from "./failure-attribution.js";
import { answer, call, context } from "./internal/context.test-helper.js";
import { pairwiseJudge } from "./pairwise-judge.js";
import { Attribution, PairwiseVerdict, Verdict } from "./schemas.js";

const withoutDialect = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = schema.toJSONSchema() as Record<string, unknown>;
  return rest;
};

describe("@ag2/eval-scorers/schemas", () => {
  it("accepts the judges' answers and rejects malformed ones", () => {
    assert.deepEqual(Verdict.parse({ score: 0.5, reasoning: "r" }), { score: 0.5, reasoning: "r" });
    assert.equal(Verdict.safeParse({ score: "high", reasoning: "r" }).success, false);
    const blame = { failed: true, error_mode: "loop", decisive_step: 2, reasoning: "r" };
    assert.deepEqual(Attribution.parse(blame), blame);
    assert.equal(Attribution.safeParse({ ...blame, decisive_step: 1.5 }).success, false);
    assert.equal(PairwiseVerdict.parse({ preferred: "tie", reasoning: "r" }).preferred, "tie");
    assert.equal(PairwiseVerdict.safeParse({ preferred: "both", reasoning: "r" }).success, false);
  });

  it("is what each judge sends its model as the response schema", async () => {
    const judged = new TestConfig(JSON.stringify({ score: 1, reasoning: "r" }));
    await agentJudge(judged, { criterion: "c", key: "k" }).score(
      context({ events: [answer("a")] }),
    );
    assert.deepEqual(judged.requests[0]?.responseSchema, withoutDialect(Verdict));

    const blamed = new TestConfig(
      JSON.stringify({ failed: false, error_mode: "none", decisive_step: -1, reasoning: "r" }),
    );
    await failureAttribution(blamed).score(context({ events: [call("s"), answer("a")] }));
    assert.deepEqual(blamed.requests[0]?.responseSchema, withoutDialect(Attribution));

    const compared = new TestConfig(JSON.stringify({ preferred: "first", reasoning: "r" }));
    const task = createTask({ taskId: "t", inputs: { input: "q" } });
    const trace = new Trace({ events: [answer("a")] });
    await pairwiseJudge(compared, { criterion: "c", key: "k", swap: false }).compare({
      task,
      traceA: trace,
      traceB: trace,
      referenceOutputs: {},
    });
    assert.deepEqual(compared.requests[0]?.responseSchema, withoutDialect(PairwiseVerdict));
  });

  it("answers concurrent first scores of one judge, each with the verdict schema", async () => {
    const config = new TestConfig((request) =>
      JSON.stringify({ score: 1, reasoning: String(request.messages[1]?.content) }),
    );
    const judge = agentJudge(config, { criterion: "c", key: "k" });
    const answers = ["one", "two", "three"];
    const scored = await Promise.all(
      answers.map((text) => judge.score(context({ events: [answer(text)] }))),
    );
    assert.deepEqual(
      scored.map(([feedback]) => feedback?.score),
      [1, 1, 1],
    );
    assert.equal(config.requests.length, 3);
    for (const request of config.requests) {
      assert.deepEqual(request.responseSchema, withoutDialect(Verdict));
    }
  });

  it("still refuses bad judge options when the factory is called, before any schema loads", () => {
    const config = new TestConfig();
    const bad = { criterion: "c", key: "k", retries: -1 };
    assert.throws(() => agentJudge(config, bad), AgentOptionsError);
    assert.throws(() => pairwiseJudge(config, bad), AgentOptionsError);
    assert.throws(() => failureAttribution(config, { retries: -1 }), AgentOptionsError);
  });
});
