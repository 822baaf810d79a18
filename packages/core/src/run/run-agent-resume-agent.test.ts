import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import { answered } from "../run/run-agent.test-helper.js";
import { TinyStore } from "../run/run-fixtures.test.js";
import { runAgent } from "./run-agent.js";
import type { RunAgentOptions } from "./run-agent-options.js";

const suite = ["a", "b", "c"].map((id) => ({ task_id: id, inputs: { input: id } }));

/** A run interrupted at task "b", journaled by an agent named `name`. */
async function interrupted(store: TinyStore, name: string): Promise<RunAgentOptions> {
  const controller = new AbortController();
  const agent: Agent = {
    name,
    async ask(input) {
      if (input === "b") controller.abort(new Error("killed"));
      return input;
    },
  };
  const base: RunAgentOptions = {
    agent,
    scorers: [answered],
    store,
    tracing: eventTracing(),
    concurrency: 1,
  };
  await assert.rejects(runAgent(suite, { ...base, runId: "r1", signal: controller.signal }));
  return base;
}

describe("resume and the agent", () => {
  it("refuses another agent, naming both, unless allowAgentChange is set", async () => {
    const store = new TinyStore();
    const base = await interrupted(store, "gpt-agent");
    const other: Agent = { name: "claude-agent", ask: async (input) => input };
    await assert.rejects(runAgent(suite, { ...base, agent: other, resume: "r1" }), (error) => {
      assert.equal((error as Error).name, "ResumeError");
      assert.match(
        (error as Error).message,
        /resume run r1: the agent changed: the journal was written by 'gpt-agent', this run has 'claude-agent'/,
      );
      return true;
    });
    const result = await runAgent(suite, {
      ...base,
      agent: other,
      resume: "r1",
      allowAgentChange: true,
    });
    assert.equal(result.tasks.length, 3);
  });

  it("allows a changed implementation behind the same name", async () => {
    const store = new TinyStore();
    const base = await interrupted(store, "gpt-agent");
    const fixed: Agent = { name: "gpt-agent", ask: async (input) => input.toUpperCase() };
    const result = await runAgent(suite, { ...base, agent: fixed, resume: "r1" });
    assert.equal(result.tasks.length, 3);
    assert.equal(result.target, "gpt-agent");
  });
});
