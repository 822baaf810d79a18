import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TestConfig } from "@ag2/eval-agent";
import { agentJudge } from "./agent-judge.js";
import { answer, call, context, result, toolError } from "./internal/context.test-helper.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

const verdict = (score: number, reasoning = "ok") => JSON.stringify({ score, reasoning });

const SYSTEM =
  "You are a strict evaluator grading an AI agent's response against a single criterion. " +
  "Criterion: cites a source\nReturn a numeric score from 0.0 to 1.0 (higher is better) and a " +
  "brief reasoning. Judge only this criterion — nothing else.";

describe("agentJudge", () => {
  it("renders the reference's system and user prompts exactly", async () => {
    const config = new TestConfig(verdict(0.75, "cites Wikipedia"));
    const judge = agentJudge(config, { criterion: "cites a source", key: "sourced" });
    const ctx = context({
      input: "Capital of France?",
      events: [answer("Paris (Wikipedia)")],
      reference: { answer: "Paris", note: "café" },
    });
    const [fb] = await judge.score(ctx);
    assert.deepEqual(fb, { key: "sourced", score: 0.75, comment: "cites Wikipedia" });
    const messages = config.requests[0]?.messages ?? [];
    assert.equal(messages[0]?.role, "system");
    assert.equal(messages[0]?.content, SYSTEM);
    assert.equal(
      messages[1]?.content,
      '## Task input\nCapital of France?\n\n## Agent answer\nParis (Wikipedia)\n\n## Reference\n{"answer": "Paris", "note": "caf\\u00e9"}',
    );
  });

  it("includes the trajectory when asked, omits the reference when told, and says (no answer)", async () => {
    const config = new TestConfig(verdict(1));
    const judge = agentJudge(config, {
      criterion: "c",
      key: "k",
      includeTrace: true,
      includeReference: false,
      scale: [1, 5],
    });
    const events = [
      call("search", { q: "x" }),
      result("search", "found"),
      call("fetch", {}),
      toolError("fetch", "timeout"),
    ];
    await judge.score(context({ events, reference: { answer: "x" } }));
    const [system, user] = config.requests[0]?.messages ?? [];
    assert.match(String(system?.content), /from 1\.0 to 5\.0/);
    assert.equal(
      user?.content,
      '## Agent answer\n(no answer)\n\n## Trajectory\n- call search({"q":"x"})\n  -> result: found\n- call fetch({})\n  -> ERROR: timeout',
    );
    const plain = new TestConfig(verdict(1));
    await agentJudge(plain, { criterion: "c", key: "k", includeTrace: true }).score(
      context({ events: [answer("a")] }),
    );
    assert.equal(
      plain.requests[0]?.messages[1]?.content,
      "## Agent answer\na\n\n## Trajectory\n(no tool calls)",
    );
  });

  it("clamps a score outside the scale and says so", async () => {
    const high = await agentJudge(new TestConfig(verdict(1.5, "great")), {
      criterion: "c",
      key: "k",
    }).score(context());
    assert.deepEqual(high[0], {
      key: "k",
      score: 1,
      comment: "great [score clamped from 1.5 to scale 0.0-1.0]",
    });
    const low = await agentJudge(new TestConfig(verdict(0, "bad")), {
      criterion: "c",
      key: "k",
      scale: [1, 5],
    }).score(context());
    assert.deepEqual(low[0], {
      key: "k",
      score: 1,
      comment: "bad [score clamped from 0.0 to scale 1.0-5.0]",
    });
  });

  it("an empty answer is no verdict: score null", async () => {
    const [fb] = await agentJudge(new TestConfig(""), { criterion: "c", key: "k" }).score(
      context(),
    );
    assert.deepEqual(fb, { key: "k", score: null, comment: "judge returned no verdict" });
  });

  it("retries an invalid answer, then records it as ungradeable instead of crashing", async () => {
    const recovered = new TestConfig("not json", verdict(0.5));
    assert.equal(
      (await agentJudge(recovered, { criterion: "c", key: "k" }).score(context()))[0]?.score,
      0.5,
    );
    assert.equal(recovered.requests.length, 2);
    const broken = new TestConfig('{"score": "high"}', "still not json");
    const [fb] = await agentJudge(broken, { criterion: "c", key: "k", retries: 1 }).score(
      context(),
    );
    assert.equal(fb?.score, null);
    assert.match(String(fb?.comment), /^scorer raised: ResponseValidationError: /);
    assert.equal(broken.requests.length, 2);
  });

  it("with threshold, returns pass/fail on the judge's key", async () => {
    const judge = agentJudge(new TestConfig(verdict(0.6, "meh")), {
      criterion: "c",
      key: "k",
      threshold: 0.7,
    });
    assert.equal(judge.key, "k");
    const [fb] = await judge.score(context());
    assert.equal(fb?.score, false);
    assert.equal(fb?.comment, "score 0.6 >= 0.7 → fail; meh");
  });

  it("one judge serves concurrent tasks, each graded from its own prompt", async () => {
    let inFlight = 0;
    let peak = 0;
    const config = new TestConfig(async (request) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      const text = String(request.messages[1]?.content);
      return verdict(Number(/answer\n(\d)/.exec(text)?.[1]) / 10);
    });
    const judge = agentJudge(config, { criterion: "c", key: "k" });
    const scores = await Promise.all(
      [1, 2, 3, 4, 5].map(
        async (n) => (await judge.score(context({ events: [answer(String(n))] })))[0]?.score,
      ),
    );
    assert.deepEqual(scores, [0.1, 0.2, 0.3, 0.4, 0.5]);
    assert.ok(peak > 1, "the judge was called concurrently");
  });

  it("rejects an empty scale", () => {
    assert.throws(
      () => agentJudge(new TestConfig(), { criterion: "c", key: "k", scale: [1, 1] }),
      (e: unknown) => ScorerOptionsError.isInstance(e),
    );
  });
});
