import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { BIN, runCli, tempProject } from "../__fixtures__/run-cli.js";

// Answers in capitals, but hangs on "world" until a file named "unstick" sits beside it.
const STICKY_MJS = `
import { existsSync } from "node:fs";
const unstick = new URL("./unstick", import.meta.url);
export default {
  name: "sticky",
  ask: async (input) =>
    input === "world" && !existsSync(unstick)
      ? new Promise(() => setInterval(() => {}, 1000))
      : input.toUpperCase(),
};
`;

/** Starts a run that hangs on task b, waits until `lines` journal lines exist, then kills it. */
async function killedRun(cwd: string, args: readonly string[], journal: string, lines: number) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: "ignore",
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  while ((await readFile(journal, "utf8").catch(() => "")).trim().split("\n").length < lines) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill("SIGKILL");
  await exited;
}

test("--resume <id> alone takes the suite, modules, label and flags from the journal; flags given again win", async () => {
  const cwd = await tempProject({ "agents/sticky.mjs": STICKY_MJS });
  const journal = join(cwd, ".ag2-eval/runs/cut.journal.jsonl");
  const started = ["run", "suite.jsonl", "--agent", "./agents/sticky.mjs", "--scorers"].concat(
    ["./scorers.mjs", "--repeats", "2", "--label", "nightly", "--concurrency", "1"],
    ["--run-id", "cut"],
  );
  // the header and both repeats of task a
  await killedRun(cwd, started, journal, 3);
  const header = JSON.parse((await readFile(journal, "utf8")).split("\n")[0] ?? "");
  // an older journal: the same run without the invocation
  const { invocation: _, ...older } = { ...header, run_id: "old" };
  const lines = (await readFile(journal, "utf8")).split("\n").slice(1);
  await writeFile(
    join(cwd, ".ag2-eval/runs/old.journal.jsonl"),
    [JSON.stringify(older), ...lines].join("\n"),
  );
  await writeFile(join(cwd, "agents/unstick"), "");

  // from another folder, naming only the store: relative paths were recorded as absolute ones
  const elsewhere = join(cwd, "elsewhere");
  await mkdir(elsewhere);
  const resumed = await runCli(
    ["run", "--resume", "cut", "--store", "../.ag2-eval/runs", "--concurrency", "2", "--json"],
    { cwd: elsewhere },
  );
  assert.equal(resumed.code, 0, resumed.stderr);
  const run = JSON.parse(resumed.stdout).run;
  assert.deepEqual(
    run.tasks.map((task: { task_id: string }) => task.task_id),
    ["a#1", "a#2", "b#1", "b#2", "c#1", "c#2"],
    "--repeats 2 came from the journal",
  );
  assert.equal(run.label, "nightly");
  assert.equal(run.concurrency, 2, "a flag given again overrides the recorded one");
  assert.equal(run.aggregates.pass_rate.correct, 1, "the scorers came from the journal");

  const old = await runCli(["run", "--resume", "old"], { cwd });
  assert.equal(old.code, 2, old.stderr);
  assert.match(
    old.stderr,
    /^error: --resume old: the journal of run old does not record how the run was started \(an older ag2-eval, or the API, wrote it\): pass the suite, --agent and --scorers again\n/,
  );
  const completed = await runCli(
    ["run", "suite.jsonl", "--agent", "./agents/sticky.mjs", "--scorers", "./scorers.mjs"].concat([
      "--repeats",
      "2",
      "--resume",
      "old",
      "--json",
    ]),
    { cwd },
  );
  assert.equal(completed.code, 0, completed.stderr);
  assert.equal(JSON.parse(completed.stdout).run.label, "nightly", "the label is in every journal");

  const unknown = await runCli(["run", "--resume", "nope"], { cwd });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^error: --resume nope: the store has no journal for run nope/);
});

// Loaded with --import before the CLI: counts the opens of a journal for reading only.
const COUNT_JOURNAL_READS_MJS = `
import fs, { constants } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
let reads = 0;
const open = fs.open;
fs.open = (path, flags, ...rest) => {
  const readOnly = typeof flags === "number" && (flags & 3) === constants.O_RDONLY;
  if (readOnly && String(path).endsWith(".journal.jsonl")) reads++;
  return open(path, flags, ...rest);
};
syncBuiltinESMExports();
process.on("exit", () => process.stderr.write("journal reads: " + reads + "\\n"));
`;

test("--resume reads the run's journal once: the invocation and the graded tasks come from one read", async () => {
  const cwd = await tempProject({
    "agents/sticky.mjs": STICKY_MJS,
    "count-journal-reads.mjs": COUNT_JOURNAL_READS_MJS,
  });
  const journal = join(cwd, ".ag2-eval/runs/once.journal.jsonl");
  const started = ["run", "suite.jsonl", "--agent", "./agents/sticky.mjs", "--scorers"].concat([
    "./scorers.mjs",
    "--concurrency",
    "1",
    "--run-id",
    "once",
  ]);
  await killedRun(cwd, started, journal, 2);
  await writeFile(join(cwd, "agents/unstick"), "");
  const resumed = await runCli(["run", "--resume", "once", "--json"], {
    cwd,
    env: { NODE_OPTIONS: `--import ${join(cwd, "count-journal-reads.mjs")}` },
  });
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.deepEqual(
    JSON.parse(resumed.stdout).run.tasks.map((task: { task_id: string }) => task.task_id),
    ["a", "b", "c"],
  );
  assert.match(resumed.stderr, /^journal reads: 1$/m);
});

test("flags given again on --resume are recorded: a later bare --resume uses them, not the originals", async () => {
  const cwd = await tempProject({ "agents/sticky.mjs": STICKY_MJS });
  const journal = join(cwd, ".ag2-eval/runs/twice.journal.jsonl");
  const started = ["run", "suite.jsonl", "--agent", "./agents/sticky.mjs", "--scorers"].concat([
    "./scorers.mjs",
    "--repeats",
    "2",
    "--concurrency",
    "1",
    "--run-id",
    "twice",
  ]);
  // the header and both repeats of task a; task b hangs
  await killedRun(cwd, started, journal, 3);
  // resumed with another concurrency: b#1, b#2 hang, c#1 and c#2 are journaled
  await killedRun(cwd, ["run", "--resume", "twice", "--concurrency", "3"], journal, 5);
  const header = JSON.parse((await readFile(journal, "utf8")).split("\n")[0] ?? "");
  assert.equal(header.invocation.flags.concurrency, "3", "the journal records the override");
  assert.equal(header.invocation.flags.repeats, "2", "and keeps the flags not given again");
  await writeFile(join(cwd, "agents/unstick"), "");

  const bare = await runCli(["run", "--resume", "twice", "--json"], { cwd });
  assert.equal(bare.code, 0, bare.stderr);
  const run = JSON.parse(bare.stdout).run;
  assert.equal(run.concurrency, 3, "the bare resume ran with the recorded override");
  assert.equal(run.tasks.length, 6, "--repeats 2 still came from the journal");
  assert.equal(run.aggregates.pass_rate.correct, 1);
  const saved = JSON.parse(await readFile(join(cwd, ".ag2-eval/runs/twice.json"), "utf8"));
  assert.equal(saved.concurrency, 3, "the run file says so too");
});
