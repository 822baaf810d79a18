import assert from "node:assert/strict";
import { afterEach, describe, it, mock } from "node:test";
import { eventTracing, RunResult, runAgent } from "@ag2/eval";
import { visibleRun } from "./visible-run.js";

async function run(taskId: string, answer: string): Promise<RunResult> {
  return runAgent([{ task_id: taskId, inputs: { input: "hi" } }], {
    agent: { name: "echo", ask: async () => answer },
    scorers: [{ key: "correct", score: async () => [{ key: "correct", score: true }] }],
    tracing: eventTracing(),
  });
}

describe("visibleRun", () => {
  afterEach(() => mock.restoreAll());

  it("prints a run with nothing to escape as it is: no run-file round trip", async () => {
    const clean = await run("t1", "fine");
    const toJSON = mock.method(RunResult.prototype, "toJSON");
    const fromJSON = mock.method(RunResult, "fromJSON");
    assert.equal(visibleRun(clean), clean);
    assert.equal(visibleRun(clean), clean);
    assert.equal(toJSON.mock.callCount(), 0);
    assert.equal(fromJSON.mock.callCount(), 0);
  });

  it("escapes a hostile run once, however often it is printed", async () => {
    const hostile = await run("t1\u001b[2J", "ok\u202eevil");
    const fromJSON = mock.method(RunResult, "fromJSON");
    const shown = visibleRun(hostile);
    assert.notEqual(shown, hostile);
    assert.equal(shown.tasks[0]?.task.taskId, "t1\\x1b[2J");
    assert.match(shown.summary(), /t1\\x1b\[2J|1\/1/);
    assert.equal(visibleRun(hostile), shown);
    assert.equal(fromJSON.mock.callCount(), 1);
    // statistics stay those of the run itself
    assert.equal(shown.passRate("correct"), hostile.passRate("correct"));
  });
});
