import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cost, findPrice } from "./cost.js";
import { DEFAULT_PRICES, PRICES_AS_OF } from "./default-prices.js";
import { answer, context } from "./internal/context.test-helper.js";
import { latency } from "./latency.js";

const response = (model: string | undefined, usage?: Record<string, number>) =>
  answer("x", { model, usage });

describe("cost", () => {
  it("prices input, cached input (at the cached rate) and output per response", async () => {
    const prices = { m: { input: 2, cachedInput: 0.5, output: 10 } };
    const events = [
      response("m", {
        inputTokens: 1_000_000,
        cacheReadInputTokens: 400_000,
        outputTokens: 100_000,
      }),
      response("m", { inputTokens: 0, outputTokens: 1_000_000 }),
    ];
    const [usd] = await cost({ prices, mode: "replace" }).score(context({ events }));
    assert.equal(usd?.key, "cost_usd");
    // 600k*2 + 400k*0.5 + 100k*10 = 1.2 + 0.2 + 1.0 = 2.4; then 10 more.
    assert.ok(Math.abs(Number(usd?.score) - 12.4) < 1e-9);
  });

  it("with maxUsd adds an inclusive pass/fail feedback", async () => {
    const prices = { m: { input: 1, output: 1 } };
    const events = [response("m", { inputTokens: 500_000, outputTokens: 500_000 })];
    const pass = await cost({ prices, maxUsd: 1 }).score(context({ events }));
    assert.deepEqual(
      pass.map((f) => [f.key, f.score]),
      [
        ["cost_usd", 1],
        ["cost", true],
      ],
    );
    const fail = await cost({ prices, maxUsd: 0.99 }).score(context({ events }));
    assert.equal(fail[1]?.score, false);
    assert.equal(fail[1]?.comment, "$1.000000 > $0.99 → fail");
  });

  it("an unknown model is ungradeable with a comment naming it, never zero", async () => {
    const events = [
      response("gpt-4o", { inputTokens: 10 }),
      response("mystery-7b", { inputTokens: 10 }),
    ];
    const feedback = await cost({ maxUsd: 1 }).score(context({ events }));
    assert.deepEqual(
      feedback.map((f) => [f.key, f.score, f.comment]),
      [
        ["cost_usd", null, "no price for model 'mystery-7b' (add it with cost({ prices }))"],
        ["cost", null, "no price for model 'mystery-7b' (add it with cost({ prices }))"],
      ],
    );
    const [unnamed] = await cost().score(
      context({ events: [response(undefined, { inputTokens: 1 })] }),
    );
    assert.equal(unnamed?.comment, "model response 1 has no model name; cannot price it");
    const [noUsage] = await cost().score(context({ events: [response("gpt-4o")] }));
    assert.equal(noUsage?.score, null);
  });

  it("replace drops the defaults; extend keeps them; an empty trace costs 0", async () => {
    const events = [response("gpt-4o", { inputTokens: 1_000_000 })];
    assert.equal((await cost().score(context({ events })))[0]?.score, 2.5);
    assert.equal(
      (
        await cost({ prices: { x: { input: 1, output: 1 } }, mode: "replace" }).score(
          context({ events }),
        )
      )[0]?.score,
      null,
    );
    assert.equal((await cost().score(context()))[0]?.score, 0);
  });

  it("finds dated and provider-prefixed ids by the longest prefix", () => {
    assert.equal(
      findPrice(DEFAULT_PRICES, "gpt-4o-mini-2024-07-18"),
      DEFAULT_PRICES["gpt-4o-mini"],
    );
    assert.equal(findPrice(DEFAULT_PRICES, "openai/gpt-4o-2024-08-06"), DEFAULT_PRICES["gpt-4o"]);
    assert.equal(findPrice(DEFAULT_PRICES, "gpt-4office"), undefined);
    assert.match(PRICES_AS_OF, /^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("latency", () => {
  it("reports the duration and, with maxMs, an inclusive pass/fail", async () => {
    const at = await latency({ maxMs: 100 }).score(context({ durationMs: 100 }));
    assert.deepEqual(
      at.map((f) => [f.key, f.score]),
      [
        ["latency_ms", 100],
        ["latency", true],
      ],
    );
    const over = await latency({ maxMs: 100 }).score(context({ durationMs: 101 }));
    assert.equal(over[1]?.comment, "101ms > 100ms → fail");
    assert.deepEqual(
      (await latency().score(context())).map((f) => f.key),
      ["latency_ms"],
    );
  });
});
