import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { BIN, runCli, tempProject } from "../__fixtures__/run-cli.js";

/** Waits until `ready()`; fails at once, with its stderr, if the CLI exits before that. */
async function until(child: ChildProcess, ready: () => boolean, stderr: () => string) {
  while (!ready()) {
    if (child.exitCode !== null || child.signalCode !== null) {
      assert.fail(`the CLI exited (${child.exitCode ?? child.signalCode}) too early:\n${stderr()}`);
    }
    await delay(10);
  }
}

// Answers at once except for "world", where it waits (with a handle open, like a pending
// HTTP request) until its signal aborts; it writes "started" when it reaches that task.
const HANGS_ON_WORLD = `
import { writeFileSync } from "node:fs";
export default {
  name: "hangs",
  ask: (input, { signal }) => {
    if (input !== "world") return Promise.resolve(input.toUpperCase());
    writeFileSync("started", input);
    const pending = setInterval(() => {}, 1000);
    return new Promise((_, reject) =>
      signal.addEventListener("abort", () => {
        clearInterval(pending);
        reject(signal.reason);
      }),
    );
  },
};
`;

// The same agent (same name), fixed so it no longer hangs, and logging what it is asked.
const LOGS_INPUTS = `
import { appendFileSync } from "node:fs";
export default {
  name: "hangs",
  ask: async (input) => {
    appendFileSync("asked.log", input + "\\n");
    return input.toUpperCase();
  },
};
`;

test("Ctrl-C exits 130 and names the run id; --resume finishes only the tasks left", async () => {
  const cwd = await tempProject({ "hangs.mjs": HANGS_ON_WORLD, "logs.mjs": LOGS_INPUTS });
  const args = [
    "run",
    "suite.jsonl",
    "--agent",
    "./hangs.mjs",
    "--scorers",
    "./scorers.mjs",
    "--concurrency",
    "1",
  ];
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await until(
    child,
    () => existsSync(join(cwd, "started")),
    () => stderr,
  );
  child.kill("SIGINT");
  assert.equal(await exited, 130);
  assert.match(stderr, /interrupted/);
  assert.doesNotMatch(stderr, /\n\s+at /);
  const runId = /continue this run with --resume ([0-9a-f]{32})\n/.exec(stderr)?.[1];
  assert.ok(runId, stderr);
  const saved = readdirSync(join(cwd, ".ag2-eval/runs")).filter((name) => name.endsWith(".json"));
  assert.deepEqual(saved, [], "an interrupted run is not saved as finished");

  const resumed = await runCli(
    [
      "run",
      "suite.jsonl",
      "--agent",
      "./logs.mjs",
      "--scorers",
      "./scorers.mjs",
      "--resume",
      runId,
      "--json",
    ],
    { cwd },
  );
  assert.equal(resumed.code, 0, resumed.stderr);
  const asked = (await readFile(join(cwd, "asked.log"), "utf8")).trim().split("\n").sort();
  assert.deepEqual(
    asked,
    ["são paulo", "world"],
    "the task finished before Ctrl-C is not asked again",
  );
  const run = JSON.parse(resumed.stdout).run;
  assert.equal(run.run_id, runId);
  assert.equal(run.tasks.length, 3);
  assert.equal(run.aggregates.pass_rate.correct, 1);
});

// Like HANGS_ON_WORLD, but it never looks at its signal: only leaving the process stops it.
const IGNORES_SIGNAL = `
import { writeFileSync } from "node:fs";
export default {
  name: "stubborn",
  ask: (input) => {
    if (input !== "world") return Promise.resolve(input.toUpperCase());
    writeFileSync("started", input);
    setInterval(() => {}, 1000);
    return new Promise(() => {});
  },
};
`;

/** Starts `ag2-eval run` on the stubborn agent; resolves once it is stuck on task "world". */
async function startStubbornRun(env: Record<string, string>) {
  const cwd = await tempProject({ "stubborn.mjs": IGNORES_SIGNAL });
  const args = ["run", "suite.jsonl", "--agent", "./stubborn.mjs", "--scorers", "./scorers.mjs"];
  const child = spawn(process.execPath, [BIN, ...args, "--concurrency", "1"], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  const output = { stderr: "" };
  child.stderr.on("data", (chunk) => {
    output.stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await until(
    child,
    () => existsSync(join(cwd, "started")),
    () => output.stderr,
  );
  return { cwd, child, output, exited };
}

async function journalTaskIds(cwd: string, runId: string): Promise<string[]> {
  const text = await readFile(join(cwd, ".ag2-eval/runs", `${runId}.journal.jsonl`), "utf8");
  return text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { task_id?: string })
    .flatMap((entry) => (entry.task_id ? [entry.task_id] : []));
}

test("after Ctrl-C, a task that ignores its signal is abandoned after the grace period: exit 130, journal kept", {
  timeout: 30_000,
}, async () => {
  const run = await startStubbornRun({ AG2_EVAL_INTERRUPT_GRACE_MS: "100" });
  run.child.kill("SIGINT");
  assert.equal(await run.exited, 130, run.output.stderr);
  const runId = /--resume ([0-9a-f]{32})\n/.exec(run.output.stderr)?.[1];
  assert.ok(runId, run.output.stderr);
  assert.deepEqual(await journalTaskIds(run.cwd, runId), ["a"]);
});

test("a second Ctrl-C exits at once with 130 instead of waiting out the grace period; journal kept", {
  timeout: 30_000,
}, async () => {
  // a grace period far beyond the test's timeout: only the second Ctrl-C can end the process
  const run = await startStubbornRun({ AG2_EVAL_INTERRUPT_GRACE_MS: "600000" });
  run.child.kill("SIGINT");
  const stderr = () => run.output.stderr;
  await until(run.child, () => /--resume [0-9a-f]{32}\n/.test(stderr()), stderr);
  run.child.kill("SIGINT");
  assert.equal(await run.exited, 130, run.output.stderr);
  assert.match(run.output.stderr, /interrupted again: exiting now/);
  const runId = /--resume ([0-9a-f]{32})\n/.exec(run.output.stderr)?.[1] ?? "";
  assert.deepEqual(await journalTaskIds(run.cwd, runId), ["a"]);
});
