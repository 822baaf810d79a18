import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventTracing } from "../agent/event-tracing.js";
import { compareRuns } from "../compare/compare-runs.js";
import { runAgent } from "../run/run-agent.js";
import { runResultToJsonText } from "../run-file/write-run-file.js";
import { parseRunFile } from "../run-result/parse-run-file.js";
import type { RunResult } from "../run-result/run-result.js";
import { scorer } from "../scoring/scorer.js";
import { leaderboard } from "../variants/leaderboard.js";

const TASKS = Array.from({ length: 12 }, (_, i) => ({
  task_id: `t${i + 1}`,
  inputs: { input: String(i + 1) },
}));

/** A run whose `wait_ms` per task is `ms(task number)`, graded by a lower-is-better scorer. */
function timedRun(runId: string, ms: (n: number) => number): Promise<RunResult> {
  const waited = scorer(({ inputs }) => ms(Number(inputs.input)), {
    key: "wait_ms",
    direction: "lower",
  });
  const correct = scorer(() => true, { key: "correct" });
  return runAgent(TASKS, {
    agent: { name: "echo", ask: async (input: string) => input },
    scorers: [correct, waited],
    store: null,
    tracing: eventTracing(),
    runId,
  });
}

describe("lower-is-better scorers", () => {
  it("make a 10x faster run an improvement, and a slower one a regression", async () => {
    const slow = await timedRun("slow", (n) => 300 + n);
    const fast = await timedRun("fast", (n) => 30 + n);
    const faster = compareRuns(slow, fast).keys.find((key) => key.key === "wait_ms");
    assert.equal(faster?.verdict, "improvement");
    const slower = compareRuns(fast, slow).keys.find((key) => key.key === "wait_ms");
    assert.equal(slower?.verdict, "regression");
    assert.doesNotMatch(compareRuns(slow, fast).summary(), /wait_ms.*REGRESSION/);
  });

  it("are recorded per key in the run file and known to a loaded run", async () => {
    const run = await timedRun("r", (n) => n);
    assert.deepEqual(run.scoreDirections, { wait_ms: "lower" });
    const text = runResultToJsonText(run);
    assert.deepEqual(JSON.parse(text).score_directions, { wait_ms: "lower" });
    const loaded = parseRunFile(text);
    assert.deepEqual(loaded.scoreDirections, { wait_ms: "lower" });
    const slow = parseRunFile(runResultToJsonText(await timedRun("slow", (n) => 300 + n)));
    const fast = parseRunFile(runResultToJsonText(await timedRun("fast", (n) => 30 + n)));
    assert.equal(
      compareRuns(slow, fast).keys.find((k) => k.key === "wait_ms")?.verdict,
      "improvement",
    );
  });

  it("loads a run file without directions as before (every key higher is better)", async () => {
    const run = await timedRun("r", (n) => n);
    const json = JSON.parse(runResultToJsonText(run));
    delete json.score_directions;
    const text = JSON.stringify(json);
    assert.deepEqual(parseRunFile(text).scoreDirections, {});
  });

  it("rank the lowest mean first on a leaderboard", async () => {
    const slow = await timedRun("slow", (n) => 300 + n);
    const fast = await timedRun("fast", (n) => 30 + n);
    const rows = leaderboard(
      new Map([
        ["slow", slow],
        ["fast", fast],
      ]),
      "wait_ms",
    );
    assert.deepEqual(
      rows.map((row) => [row.variant, row.rank]),
      [
        ["fast", 1],
        ["slow", 2],
      ],
    );
  });
});
