import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { HOSTILE_MJS } from "../__fixtures__/hostile-agents.js";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUNS = ".ag2-eval/runs";

const BASE = ["run", "suite.jsonl", "--scorers", "./scorers.mjs", "--concurrency", "1"];

describe("ag2-eval run: a run that did not finish or was not saved never looks saved", () => {
  test("a folder where the run file goes: exit 4, no Saved line, no gate, journal kept, lock released; --resume saves it", async () => {
    const cwd = await tempProject({ "hostile.mjs": HOSTILE_MJS });
    const agent = ["--agent", "./hostile.mjs#blocksSave"];
    const run = await runCli(
      [...BASE, ...agent, "--run-id", "nosave", "--min-pass-rate", "correct=0.5"],
      { cwd, env: { BLOCK_RUN_FILE: join(cwd, RUNS, "nosave.json") } },
    );
    assert.equal(run.code, 4, run.stderr);
    assert.doesNotMatch(run.stdout, /Saved/);
    assert.doesNotMatch(run.stdout, /gate\(s\) passed/);
    assert.match(run.stderr, /run nosave finished but was NOT saved \(.*\).*--resume nosave/);
    assert.ok(existsSync(join(cwd, RUNS, "nosave.journal.jsonl")), "the journal is kept");
    assert.ok(!existsSync(join(cwd, RUNS, "nosave.lock")), "the run's lock is released");

    await rm(join(cwd, RUNS, "nosave.json"), { recursive: true });
    const resumed = await runCli([...BASE, ...agent, "--resume", "nosave"], { cwd });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /Saved .*nosave\.json/);
  });

  test("grade whose run file cannot be written: exit 4, no Saved line, no gate", async () => {
    const cwd = await tempProject({ "package.json": `{ "type": "module" }` });
    const scorers = ["--scorers", "./scorers.mjs"];
    const live = await runCli(
      ["run", "suite.jsonl", "--agent", "./traced-agent.ts#traced", ...scorers].concat([
        "--save-traces",
        "traces",
      ]),
      { cwd },
    );
    assert.equal(live.code, 0, live.stderr);
    await mkdir(join(cwd, RUNS, "g.json"), { recursive: true });
    const graded = await runCli(
      ["grade", "traces", "--suite", "suite.jsonl", ...scorers, "--run-id", "g"].concat([
        "--min-pass-rate",
        "correct=0.1",
      ]),
      { cwd },
    );
    assert.equal(graded.code, 4, graded.stderr);
    assert.doesNotMatch(graded.stdout, /Saved|gate\(s\) passed/);
    assert.match(
      graded.stderr,
      /^error: run g was graded but NOT saved \(.+\); no gate was checked/m,
    );
  });

  test("a run id whose run file is a folder is refused before anything runs (exit 2)", async () => {
    const cwd = await tempProject();
    await mkdir(join(cwd, RUNS, "taken.json"), { recursive: true });
    const run = await runCli([...BASE, "--agent", "./agent.ts#good", "--run-id", "taken"], {
      cwd,
    });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /run taken already exists/);
    assert.ok(!existsSync(join(cwd, RUNS, "taken.journal.jsonl")), "nothing ran");
  });

  test("agent code calling process.exit(0) mid-run: exit 5, the run is said not to have finished", async () => {
    const cwd = await tempProject({ "hostile.mjs": HOSTILE_MJS });
    const run = await runCli([...BASE, "--agent", "./hostile.mjs#exits", "--run-id", "ex"], {
      cwd,
    });
    assert.equal(run.code, 5, run.stderr);
    assert.match(run.stderr, /run ex did not finish: process\.exit\(0\) was called.*--resume ex/);
    assert.ok(existsSync(join(cwd, RUNS, "ex.journal.jsonl")), "the journal is kept");
    assert.ok(!existsSync(join(cwd, RUNS, "ex.json")));
    assert.ok(!existsSync(join(cwd, RUNS, "ex.lock")), "the run's lock went with the process");
  });

  test("a task that never settles and holds no timer: exit 5 naming it, not Node's bare 13", async () => {
    const cwd = await tempProject({ "hostile.mjs": HOSTILE_MJS });
    const run = await runCli([...BASE, "--agent", "./hostile.mjs#hangs", "--run-id", "hang"], {
      cwd,
    });
    assert.equal(run.code, 5, run.stderr);
    assert.match(run.stderr, /run hang can never finish: 1 task\(s\) never settled.*: b \(agent\)/);
    assert.match(run.stderr, /--resume hang/);
    const journal = await readFile(join(cwd, RUNS, "hang.journal.jsonl"), "utf8");
    assert.match(journal, /"task_id":"a"/, "the finished task is in the journal");
    assert.ok(!existsSync(join(cwd, RUNS, "hang.lock")), "the run's lock is released");
  });

  test("a floating rejection and a throw in a timer: warnings naming the task, the run goes on", async () => {
    const cwd = await tempProject({ "hostile.mjs": HOSTILE_MJS });
    const run = await runCli([...BASE, "--agent", "./hostile.mjs#stray"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /warning: unhandled promise rejection in task a .*floating rejection/);
    assert.match(
      run.stdout,
      /warning: uncaught exception in task b .*RangeError: thrown in a timer/,
    );
    assert.match(run.stdout, /Saved /);
  });

  test("--scorer-timeout: a scorer that never answers is that scorer's error, the run finishes", async () => {
    const cwd = await tempProject({ "hostile.mjs": HOSTILE_MJS });
    const run = await runCli(
      [
        "run",
        "suite.jsonl",
        "--agent",
        "./agent.ts#good",
        "--scorers",
        "./hostile.mjs#neverScorer",
      ].concat(["--scorer-timeout", "200ms", "--json"]),
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const tasks = JSON.parse(run.stdout).run.tasks as { feedback: { comment: string }[] }[];
    assert.equal(tasks.length, 3);
    for (const task of tasks) assert.match(task.feedback[0]?.comment ?? "", /timed out.*200 ms/);
  });

  test("--scorer-timeout refuses what is not a duration", async () => {
    const cwd = await tempProject();
    const run = await runCli([...BASE, "--agent", "./agent.ts#good", "--scorer-timeout", "soon"], {
      cwd,
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--scorer-timeout: got "soon", expected/);
  });
});
