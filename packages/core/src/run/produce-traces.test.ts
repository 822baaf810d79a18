import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent, AgentFactory } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import { agentTarget } from "./produce-traces.js";
import { runAgent } from "./run-agent.js";

class EchoAgent implements Agent {
  readonly name = "echo-instance";
  async ask(input: string): Promise<string> {
    return input;
  }
}

describe("agentTarget", () => {
  it("names an agent by its name (literal or class instance), a factory by its function", () => {
    const literal: Agent = { name: "echo", ask: async (input) => input };
    assert.equal(agentTarget(literal), "echo");
    assert.equal(agentTarget(new EchoAgent()), "echo-instance");
    const makeEcho: AgentFactory = () => literal;
    assert.equal(agentTarget(makeEcho), "makeEcho");
  });

  it("falls back to 'Object' for a literal without a usable name and 'anonymous' for an unnamed factory", () => {
    const unnamed = { name: "", ask: async (input: string) => input } as Agent;
    assert.equal(agentTarget(unnamed), "Object");
    const factories: AgentFactory[] = [() => unnamed];
    assert.equal(agentTarget(factories[0] as AgentFactory), "anonymous");
  });

  it("is what runAgent records as the run's target", async () => {
    const result = await runAgent([{ task_id: "t", inputs: { input: "hi" } }], {
      agent: { name: "echo", ask: async (input) => input },
      scorers: [],
      store: null,
      tracing: eventTracing(),
    });
    assert.equal(result.target, "echo");
  });
});
