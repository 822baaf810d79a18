import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { BIN, tempProject } from "./__fixtures__/run-cli.js";

const HANGING_AGENT = `
import { writeFileSync } from "node:fs";
export default {
  name: "hangs",
  ask: (input, { signal }) => {
    writeFileSync("started", input);
    // like a pending HTTP request: a handle keeps the process alive until the abort
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

test("Ctrl-C aborts the run's signal and exits 130 without saving a run", async () => {
  const cwd = await tempProject({ "hangs.mjs": HANGING_AGENT });
  const child = spawn(
    process.execPath,
    [BIN, "run", "suite.jsonl", "--agent", "./hangs.mjs", "--concurrency", "1"],
    {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // wait until the agent is inside ask (a file it writes), then interrupt
  while (!existsSync(join(cwd, "started"))) await delay(10);
  child.kill("SIGINT");
  assert.equal(await exited, 130);
  assert.match(stderr, /interrupted/);
  assert.match(stderr, /continue this run with --resume [0-9a-f]{32}\n/);
  assert.doesNotMatch(stderr, /\n\s+at /);
  const runs = join(cwd, ".ag2-eval/runs");
  const saved = existsSync(runs) ? readdirSync(runs).filter((name) => name.endsWith(".json")) : [];
  assert.deepEqual(saved, []);
});
