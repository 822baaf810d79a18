import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluateTraces, InMemoryTraceSource } from "@ag2/eval-core";
import { cost } from "./cost.js";
import { answer, context } from "./internal/context.test-helper.js";
import { latency } from "./latency.js";
import { noToolErrors } from "./no-tool-errors.js";
import { tokenBudget } from "./token-budget.js";

const crashed = context({
  events: [],
  exception: { type: "RateLimitError", message: "429 slow down" },
  durationMs: 12,
});

describe("built-in scorers on a task whose agent threw", () => {
  it("never pass: cost, latency, no_tool_errors and token_budget fail, their numbers are null", async () => {
    const scorers = [
      cost({ maxUsd: 1, prices: { m: { input: 1, output: 1 } } }),
      latency({ maxMs: 1_000 }),
      noToolErrors(),
      tokenBudget(1_000),
    ];
    const feedback = (await Promise.all(scorers.map((s) => s.score(crashed)))).flat();
    assert.deepEqual(
      feedback.map((f) => [f.key, f.score]),
      [
        ["cost_usd", null],
        ["cost", false],
        ["latency_ms", null],
        ["latency", false],
        ["no_tool_errors", false],
        ["token_budget", false],
      ],
    );
    for (const f of feedback) {
      assert.match(f.comment ?? "", /task errored \(RateLimitError: 429 slow down\)/, f.key);
    }
  });

  it("grade an answered task as before", async () => {
    const ok = context({
      events: [answer("hi", { model: "m", usage: { inputTokens: 10, outputTokens: 2 } })],
      durationMs: 12,
    });
    const [usd] = await cost({ prices: { m: { input: 1, output: 1 } } }).score(ok);
    assert.equal(usd?.score, 12 / 1e6);
    const [ms, within] = await latency({ maxMs: 100 }).score(ok);
    assert.deepEqual([ms?.score, within?.score], [12, true]);
    assert.equal((await noToolErrors().score(ok))[0]?.score, true);
    assert.equal((await tokenBudget(100).score(ok))[0]?.score, true);
  });

  it("declare lower is better for latency and cost, so runs record latency_ms and cost_usd so", async () => {
    assert.equal(latency().direction, "lower");
    assert.equal(cost().direction, "lower");
    const ok = context({
      events: [answer("hi", { model: "m", usage: { inputTokens: 10, outputTokens: 2 } })],
      durationMs: 12,
    });
    const result = await evaluateTraces(
      new InMemoryTraceSource([[{ traceId: "x", taskId: "t1" }, ok.trace]]),
      { scorers: [latency({ maxMs: 100 }), cost({ prices: { m: { input: 1, output: 1 } } })] },
    );
    assert.deepEqual(result.scoreDirections, { cost_usd: "lower", latency_ms: "lower" });
  });
});
