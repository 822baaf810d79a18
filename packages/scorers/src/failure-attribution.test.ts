import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TestConfig } from "@ag2/eval-agent";
import { ERROR_MODES, failureAttribution } from "./failure-attribution.js";
import { answer, call, context, toolError } from "./internal/context.test-helper.js";

const llm = (v: Record<string, unknown>) => new TestConfig(JSON.stringify(v));

describe("failureAttribution (mechanical)", () => {
  it("has the reference's taxonomy", () => {
    assert.equal(ERROR_MODES.length, 11);
    assert.deepEqual([ERROR_MODES[0], ERROR_MODES[10]], ["none", "other"]);
  });

  it("a crash points at the last event", async () => {
    const ctx = context({
      events: [call("a"), answer("x")],
      exception: { type: "RuntimeError", message: "boom" },
    });
    const [fb] = await failureAttribution().score(ctx);
    assert.deepEqual(fb, {
      key: "failure",
      value: "crash",
      comment: "run raised RuntimeError: boom",
      detail: {
        failed: true,
        error_mode: "crash",
        decisive_step: 1,
        responsible_agent: null,
        reasoning: "run raised RuntimeError: boom",
      },
    });
    const [empty] = await failureAttribution().score(
      context({ exception: { type: "E", message: "m" } }),
    );
    assert.equal(empty?.detail?.decisive_step, null);
  });

  it("a tool error without an answer is tool_failure at the first error", async () => {
    const events = [
      call("a"),
      call("fetch"),
      toolError("fetch", "404"),
      toolError("a", "x"),
      answer(null),
    ];
    const [fb] = await failureAttribution(null, { agentName: "planner" }).score(
      context({ events }),
    );
    assert.equal(fb?.value, "tool_failure");
    assert.equal(fb?.comment, "tool 'fetch' errored and the run produced no answer");
    assert.equal(fb?.detail?.decisive_step, 2);
    assert.equal(fb?.detail?.responsible_agent, "planner");
  });

  it("no answer (empty trace or empty content) is no_answer; an answer is none", async () => {
    const [none] = await failureAttribution().score(context({ events: [answer("")] }));
    assert.deepEqual(
      [none?.value, none?.comment, none?.detail?.decisive_step],
      ["no_answer", "run produced no final answer", null],
    );
    assert.equal((await failureAttribution().score(context()))[0]?.value, "no_answer");
    const [ok] = await failureAttribution(undefined, { key: "why" }).score(
      context({ events: [toolError("a", "x"), answer("fine")] }),
    );
    assert.deepEqual(
      [ok?.key, ok?.value, ok?.comment, ok?.detail?.failed],
      ["why", "none", "no mechanical failure detected", false],
    );
  });

  it("mechanical checks win over the LLM (it is not called)", async () => {
    const config = new TestConfig();
    const [fb] = await failureAttribution(config).score(context());
    assert.equal(fb?.value, "no_answer");
    assert.equal(config.requests.length, 0);
  });
});

describe("failureAttribution (LLM attributor)", () => {
  const ran = () =>
    context({
      input: "Book a flight",
      reference: { city: "Paris" },
      events: [call("search", { q: "x" }), answer("It's 'done'")],
    });

  it("renders the attribution prompt and records the verdict", async () => {
    const config = llm({
      failed: true,
      error_mode: "incorrect_answer",
      decisive_step: 1,
      reasoning: "wrong city",
    });
    const [fb] = await failureAttribution(config).score(ran());
    assert.deepEqual(fb?.detail, {
      failed: true,
      error_mode: "incorrect_answer",
      decisive_step: 1,
      responsible_agent: null,
      reasoning: "wrong city",
    });
    assert.equal(fb?.value, "incorrect_answer");
    assert.equal(
      config.requests[0]?.messages[1]?.content,
      '## Task\nBook a flight\n\n## Reference\n{"city": "Paris"}\n\n## Final answer\nIt\'s \'done\'\n\n' +
        '## Trajectory (numbered steps)\n[0] tool call: search({"q":"x"})\n[1] model: "It\'s \'done\'"',
    );
    assert.match(
      String(config.requests[0]?.messages[0]?.content),
      /incorrect_answer, premature_termination/,
    );
  });

  it("maps a mode outside the taxonomy to other, keeping the raw value; a negative step is null", async () => {
    const config = llm({
      failed: true,
      error_mode: "cosmic_rays",
      decisive_step: -1,
      reasoning: "?",
    });
    const [fb] = await failureAttribution(config).score(ran());
    assert.equal(fb?.value, "other");
    assert.equal(fb?.detail?.raw_error_mode, "cosmic_rays");
    assert.equal(fb?.detail?.decisive_step, null);
    const custom = llm({ failed: true, error_mode: "slow", decisive_step: 0, reasoning: "r" });
    const [own] = await failureAttribution(custom, { taxonomy: ["slow", "other"] }).score(ran());
    assert.equal(own?.value, "slow");
  });

  it("no verdict is other / not failed; invalid output is ungradeable, not a crash", async () => {
    const [none] = await failureAttribution(new TestConfig("")).score(ran());
    assert.deepEqual(
      [none?.value, none?.comment, none?.detail?.failed],
      ["other", "attributor returned no verdict", false],
    );
    const [bad] = await failureAttribution(new TestConfig("{}", "{}"), { key: "f" }).score(ran());
    assert.equal(bad?.key, "f");
    assert.equal(bad?.value, undefined);
    assert.match(String(bad?.comment), /^scorer raised: ResponseValidationError/);
  });
});
