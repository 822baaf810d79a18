import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { BIN, runCli, tempProject } from "./__fixtures__/run-cli.js";

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

const LOGS_INPUTS = `
import { appendFileSync } from "node:fs";
export default {
  name: "logs",
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
  while (!existsSync(join(cwd, "started"))) await delay(10);
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
