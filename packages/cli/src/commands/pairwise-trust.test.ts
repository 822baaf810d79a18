import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { HOSTILE_MJS } from "../__fixtures__/hostile-agents.js";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// "never" answers no pair, "always" decides every pair for B, "loose" throws in a timer on c
const JUDGES_MJS = `
export const timeouts = [
  { key: "never", compare: () => new Promise(() => {}) },
  { key: "always", compare: async () => ({ winner: "b" }) },
];
export const tie = [{ key: "tie", compare: async () => ({ winner: "tie" }) }];
export const strayComparator = [{
  key: "loose",
  compare: async ({ task }) => {
    if (task.taskId === "c") setTimeout(() => { throw new RangeError("comparator timer"); }, 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { winner: "a" };
  },
}];
`;
const FILES = { "hostile.mjs": HOSTILE_MJS, "judges.mjs": JUDGES_MJS };

const pairwise = (b: string, comparators = "tie", runId = "pw"): string[] =>
  ["pairwise", "suite.jsonl", "--a", "./hostile.mjs#good", "--b", `./hostile.mjs#${b}`].concat([
    "--comparators",
    `./judges.mjs#${comparators}`,
    "--concurrency",
    "1",
    "--run-id",
    runId,
  ]);

describe("ag2-eval pairwise: a comparison that did not finish or was not saved never looks saved", () => {
  test("the comparison's file cannot be written: exit 4, the comparison is still printed", async () => {
    const cwd = await tempProject(FILES);
    await mkdir(join(cwd, ".ag2-eval/runs/blocked.json"), { recursive: true });
    const run = await runCli(pairwise("good", "tie", "blocked"), { cwd });
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stdout, /^Pairwise blocked /);
    assert.match(
      run.stderr,
      /^error: comparison blocked finished but was NOT saved \(.+\); fix the store and run it again$/m,
    );
  });

  test("agent code calling process.exit(0): exit 5, the comparison is said not to have finished", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli(pairwise("exits"), { cwd });
    assert.equal(run.code, 5, run.stderr);
    assert.match(
      run.stderr,
      /^error: run pw did not finish: process\.exit\(0\) was called while it ran \(agent or comparator code\); nothing of the comparison was saved; run it again$/m,
    );
    assert.ok(!existsSync(join(cwd, ".ag2-eval/runs/pw.json")));
  });

  test("an agent's task that never settles: exit 5 naming the task and variant", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli(pairwise("hangs"), { cwd });
    assert.equal(run.code, 5, run.stderr);
    assert.match(
      run.stderr,
      /^error: run pw can never finish: 1 task\(s\) never settled.*: b of B \(agent\)\nnothing of the comparison was saved; run it again$/m,
    );
  });

  test("floating rejections in agent and comparator code: warnings naming the task, exit 0", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli(pairwise("stray", "strayComparator"), { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /^warning: unhandled promise rejection in task a of B .*floating rejection$/m,
    );
    assert.match(
      run.stderr,
      /^warning: uncaught exception in task c .*RangeError: comparator timer$/m,
    );
    assert.ok(existsSync(join(cwd, ".ag2-eval/runs/pw.json")), "the comparison is saved");
  });
});

describe("ag2-eval pairwise --comparator-timeout", () => {
  test("a comparator that never answers is each comparison's error, the other comparator decides", async () => {
    const cwd = await tempProject(FILES);
    const args = [...pairwise("good", "timeouts"), "--comparator-timeout", "300ms", "--json"];
    const run = await runCli(args, { cwd });
    assert.equal(run.code, 0, run.stderr);
    const cases = JSON.parse(run.stdout).cases as {
      key: string;
      winner: string;
      reasoning: string | null;
      detail: { error?: boolean };
    }[];
    const never = cases.filter((c) => c.key === "never");
    assert.equal(never.length, 3);
    for (const c of never) {
      assert.equal(c.winner, "tie");
      assert.equal(c.detail.error, true);
      assert.match(c.reasoning ?? "", /comparator timed out: no answer within 300 ms/);
    }
    assert.deepEqual(
      cases.filter((c) => c.key === "always").map((c) => c.winner),
      ["b", "b", "b"],
    );
  });

  test("--comparator-timeout refuses what is not a duration", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli([...pairwise("good"), "--comparator-timeout", "soon"], { cwd });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--comparator-timeout: got "soon", expected/);
  });
});
