import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { HOSTILE_MJS } from "../__fixtures__/hostile-agents.js";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUNS = ".ag2-eval/runs";

// In each sweep, variant "good" answers in capitals and the other one misbehaves on "world".
const SWEEPS_MJS = `
import { blocksSave, exits, good, hangs, stray } from "./hostile.mjs";
export const exitsSweep = { good, exits };
export const hangsSweep = { hangs, good };
export const straySweep = { stray, good };
export const blocksSaveSweep = { good, blocked: blocksSave };
`;
const FILES = { "hostile.mjs": HOSTILE_MJS, "sweeps.mjs": SWEEPS_MJS };

const sweep = (exportName: string, runId: string): string[] => [
  "variants",
  "suite.jsonl",
  "--variants",
  `./sweeps.mjs#${exportName}Sweep`,
  "--scorers",
  "./scorers.mjs",
  "--concurrency",
  "1",
  "--run-id",
  runId,
];

describe("ag2-eval variants: a variant run that did not finish or was not saved never looks saved", () => {
  test("a variant's run file cannot be written: exit 4 naming that run, journal kept, the other variant saved", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli(sweep("blocksSave", "ns"), {
      cwd,
      env: { BLOCK_RUN_FILE: join(cwd, RUNS, "ns-blocked.json") },
    });
    assert.equal(run.code, 4, run.stderr);
    assert.match(
      run.stderr,
      /^error: run ns-blocked finished but was NOT saved \(.+\);.*ag2-eval run .*suite\.jsonl --agent <the agent of variant 'blocked'> --scorers \.\/scorers\.mjs --variant blocked --resume ns-blocked saves it$/m,
    );
    assert.doesNotMatch(run.stderr, /run ns-good .*NOT saved/);
    assert.ok(existsSync(join(cwd, RUNS, "ns-blocked.journal.jsonl")), "the journal is kept");
    assert.ok(existsSync(join(cwd, RUNS, "ns-good.json")), "the other variant is saved");
    assert.ok(!existsSync(join(cwd, RUNS, "ns-blocked.lock")), "the run's lock is released");
    // the rankings are still printed: the graded tasks are not lost
    assert.match(run.stdout, /ranked by correct/);

    // the printed command, given the variant's agent, saves the run from its journal
    await rm(join(cwd, RUNS, "ns-blocked.json"), { recursive: true });
    const command = / then ag2-eval (run .*) saves it$/m.exec(run.stderr)?.[1] ?? assert.fail();
    const args = command
      .replace("<the agent of variant 'blocked'>", "./hostile.mjs#blocksSave")
      .split(" ");
    const resumed = await runCli(args, { cwd });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /Saved .*ns-blocked\.json/);
  });

  test("the sweep's manifest cannot be written: exit 4, the variant runs stay saved", async () => {
    const cwd = await tempProject();
    await mkdir(join(cwd, RUNS, "nm.variants.json"), { recursive: true });
    const run = await runCli(
      ["variants", "suite.jsonl", "--variants", "./sweep.mjs#variants", "--run-id", "nm"].concat([
        "--scorers",
        "./scorers.mjs",
      ]),
      { cwd },
    );
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stderr, /^error: the manifest of sweep nm was NOT saved \(.+\)/m);
    assert.ok(existsSync(join(cwd, RUNS, "nm-careful.json")));
    assert.ok(existsSync(join(cwd, RUNS, "nm-sloppy.json")));
  });

  test("agent code calling process.exit(0) in a variant: exit 5 naming that variant's run", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli(sweep("exits", "ex"), { cwd });
    assert.equal(run.code, 5, run.stderr);
    assert.match(
      run.stderr,
      /run ex-exits did not finish: process\.exit\(0\) was called.*--variant exits --resume ex-exits/,
    );
    assert.ok(existsSync(join(cwd, RUNS, "ex-exits.journal.jsonl")), "the journal is kept");
    assert.ok(existsSync(join(cwd, RUNS, "ex-good.json")), "the variant before it is saved");
    assert.ok(!existsSync(join(cwd, RUNS, "ex-exits.lock")), "the lock went with the process");
  });

  test("a variant whose task never settles: exit 5 naming it, the next variant still runs", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli(sweep("hangs", "hang"), { cwd });
    assert.equal(run.code, 5, run.stderr);
    assert.match(
      run.stderr,
      /^error: run hang-hangs can never finish: 1 task\(s\) never settled.*: b \(agent\)$/m,
    );
    assert.match(run.stderr, /continue with .*--resume hang-hangs$/m);
    const journal = await readFile(join(cwd, RUNS, "hang-hangs.journal.jsonl"), "utf8");
    assert.match(journal, /"task_id":"a"/, "the finished task is in the journal");
    assert.ok(existsSync(join(cwd, RUNS, "hang-good.json")), "the next variant ran and was saved");
    assert.ok(!existsSync(join(cwd, RUNS, "hang-hangs.lock")), "the run's lock is released");
  });

  test("a floating rejection and a throw in a timer: warnings naming variant and task, exit 0", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli(sweep("stray", "st"), { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /^warning: variant stray: unhandled promise rejection in task a .*floating rejection$/m,
    );
    assert.match(
      run.stderr,
      /^warning: variant stray: uncaught exception in task b .*RangeError: thrown in a timer$/m,
    );
    assert.ok(existsSync(join(cwd, RUNS, "st-stray.json")));
    assert.ok(existsSync(join(cwd, RUNS, "st-good.json")));
  });

  test("--scorer-timeout: a scorer that never answers is that scorer's error in every variant", async () => {
    const cwd = await tempProject(FILES);
    const run = await runCli(
      ["variants", "suite.jsonl", "--variants", "./sweep.mjs#variants", "--run-id", "to"].concat([
        "--scorers",
        "./hostile.mjs#neverScorer",
        "--scorer-timeout",
        "200ms",
      ]),
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const saved = JSON.parse(await readFile(join(cwd, RUNS, "to-careful.json"), "utf8")) as {
      tasks: { feedback: { comment: string }[] }[];
    };
    assert.equal(saved.tasks.length, 3);
    for (const task of saved.tasks) {
      assert.match(task.feedback[0]?.comment ?? "", /timed out.*200 ms/);
    }
  });
});
