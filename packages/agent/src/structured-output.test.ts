import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { Agent } from "./agent.js";
import { ResponseValidationError } from "./agent-errors.js";
import { parseStructured } from "./structured-output.js";
import { TestConfig } from "./test-config.js";

const Verdict = z.object({ score: z.number().min(0).max(1), reason: z.string() });

describe("structured output", () => {
  it("sends the JSON Schema and returns the validated value", async () => {
    const config = new TestConfig('{"score": 1, "reason": "exact"}');
    const agent = new Agent({ name: "judge", responseSchema: Verdict, config });
    const reply = await agent.ask("grade");
    // The schema types the value: this line fails to compile if inference breaks.
    const value: { score: number; reason: string } | null = reply.value;
    assert.deepEqual(value, { score: 1, reason: "exact" });
    const schema = config.requests[0]?.responseSchema;
    assert.equal(schema?.type, "object");
    assert.deepEqual(schema?.required, ["score", "reason"]);
    assert.equal(schema && "$schema" in schema, false);
  });

  it("re-asks with the validation issues after a bad answer, then accepts a good one", async () => {
    const config = new TestConfig('{"score": 3}', '{"score": 0.5, "reason": "partial"}');
    const agent = new Agent({ name: "judge", responseSchema: Verdict, config });
    const reply = await agent.ask("grade");
    assert.deepEqual(reply.value, { score: 0.5, reason: "partial" });
    assert.equal(reply.content, '{"score": 0.5, "reason": "partial"}');
    const retry = config.requests[1]?.messages.at(-1);
    assert.equal(retry?.role, "user");
    assert.match(retry?.content ?? "", /score: Too big/);
    assert.match(retry?.content ?? "", /reason: Invalid input/);
  });

  it("throws ResponseValidationError naming the issues when every retry fails", async () => {
    const config = new TestConfig("not json", '{"score": "high", "reason": "x"}', "unused");
    const agent = new Agent({ name: "judge", responseSchema: Verdict, config, retries: 1 });
    await assert.rejects(agent.ask("grade"), (error: unknown) => {
      assert.ok(ResponseValidationError.isInstance(error));
      const typed = error as ResponseValidationError;
      assert.equal(typed.attempts, 2);
      assert.deepEqual(typed.issues, ["score: Invalid input: expected number, received string"]);
      assert.match(typed.message, /agent "judge": reply does not match responseSchema after 2/);
      return true;
    });
    assert.equal(config.requests.length, 2);
  });

  it("with retries 0, fails on the first bad answer", async () => {
    const config = new TestConfig("{}", '{"score": 1, "reason": "x"}');
    const agent = new Agent({ name: "judge", responseSchema: Verdict, config, retries: 0 });
    await assert.rejects(agent.ask("grade"), ResponseValidationError);
    assert.equal(config.requests.length, 1);
  });

  it("treats an empty answer as no verdict: value null, no retry", async () => {
    const config = new TestConfig("  ");
    const reply = await new Agent({ name: "judge", responseSchema: Verdict, config }).ask("grade");
    assert.equal(reply.value, null);
    assert.equal(config.requests.length, 1);
  });

  it("accepts JSON wrapped in a Markdown code fence", () => {
    const result = parseStructured('```json\n{"score": 0, "reason": "none"}\n```', Verdict);
    assert.deepEqual(result, { ok: true, value: { score: 0, reason: "none" } });
  });

  it("reports text that is not JSON", () => {
    const result = parseStructured("the score is 1", Verdict);
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : (result.issues[0] ?? ""), /not valid JSON/);
  });
});
