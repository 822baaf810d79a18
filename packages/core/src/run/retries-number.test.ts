import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import { checkRetries } from "./retry-policy.js";
import { runAgent } from "./run-agent.js";
import { answered } from "./run-agent.test-helper.js";

/** Fails with a 503 (asking for no wait) the first `failures` times it is asked. */
function busyAgent(failures: number, asked: string[]): Agent {
  return {
    name: "busy",
    async ask(input) {
      asked.push(input);
      if (asked.length <= failures) {
        throw Object.assign(new Error("busy"), { status: 503, retryAfterMs: 0 });
      }
      return input;
    },
  };
}

describe("option retries as a number", () => {
  it("counts retries after the first ask: N is { attempts: N + 1 }, 0 is no retries", () => {
    assert.equal(checkRetries(2, "t")?.attempts, 3);
    assert.equal(checkRetries(1, "t")?.attempts, 2);
    assert.equal(checkRetries(0, "t"), null);
    // the object keeps counting asks, the first included
    assert.equal(checkRetries({ attempts: 2 }, "t")?.attempts, 2);
  });

  it("retries: 1 asks once more after a transient failure; retries: 0 does not", async () => {
    const suite = [{ task_id: "a", inputs: { input: "a" } }];
    const base = { scorers: [answered], store: null, tracing: eventTracing() };
    const asked: string[] = [];
    const once = await runAgent(suite, { ...base, agent: busyAgent(1, asked), retries: 1 });
    assert.deepEqual(asked, ["a", "a"]);
    assert.equal(once.tasks[0]?.trace.exception, null);
    assert.equal(once.tasks[0]?.attempts?.length, 2);
    const none: string[] = [];
    const off = await runAgent(suite, { ...base, agent: busyAgent(1, none), retries: 0 });
    assert.deepEqual(none, ["a"]);
    assert.equal(off.tasks[0]?.trace.exception?.message, "busy");
    assert.equal(off.tasks[0]?.attempts, undefined);
  });
});
