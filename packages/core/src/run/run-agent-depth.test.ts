import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { runResultToJsonText } from "../run-file/write-run-file.js";
import { parseRunFile } from "../run-result/parse-run-file.js";
import { runAgent } from "./run-agent.js";
import { answered, options } from "./run-agent.test-helper.js";

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

describe("runAgent with an answer nested too deep", () => {
  it("records a 10,000-deep answer as that task's error, grades and saves the rest", async () => {
    const agent: Agent = {
      name: "deep",
      ask: async (input) => (input === "deep" ? nested(10_000) : `ok ${input}`),
    };
    const result = await runAgent(
      [
        { task_id: "a", inputs: { input: "a" } },
        { task_id: "d", inputs: { input: "deep" } },
        { task_id: "b", inputs: { input: "b" } },
      ],
      options({ agent, scorers: [answered], concurrency: 2 }),
    );
    const byId = new Map(result.tasks.map((t) => [t.task.taskId, t]));
    assert.equal(byId.get("a")?.feedback[0]?.score, true);
    assert.equal(byId.get("b")?.feedback[0]?.score, true);
    const deep = byId.get("d");
    assert.equal(deep?.trace.exception?.type, "TooDeepError");
    assert.match(
      deep?.trace.exception?.message ?? "",
      /^the agent's answer to task 'd' nests deeper than 512 levels \(at answer\.next\.next/,
    );
    assert.equal(result.aggregates.errors, 1);
    const saved = parseRunFile(runResultToJsonText(result), { source: "r.json" });
    assert.deepEqual(
      saved.tasks.map((t) => [t.task.taskId, t.trace.exception?.type ?? null]),
      [
        ["a", null],
        ["d", "TooDeepError"],
        ["b", null],
      ],
    );
  });
});
