import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { runAgent, type Scorer } from "@ag2/eval";
import { BIN, runCli, tempProject } from "../__fixtures__/run-cli.js";

const TASKS = 25;
const RECORDS = Array.from({ length: TASKS }, (_, i) => ({
  task_id: `t${String(i).padStart(2, "0")}`,
  // a long input, so `show --json` outgrows a pipe's buffer
  inputs: { input: `q${i} ${"x".repeat(3000)}` },
}));

/** `correct` fails repeat 1 of every odd task; `cost` is a fraction of a cent. */
const scorers = (cost: number, fails: boolean): Scorer[] => [
  {
    key: "correct",
    score: async ({ task }) => {
      const [id, repeat] = task.taskId.slice(1).split("#");
      return [{ key: "correct", score: !(fails && Number(id) % 2 === 1 && repeat === "1") }];
    },
  },
  { key: "cost", score: async () => [{ key: "cost", score: cost }] },
];

/** Saves run `runId` (25 tasks × 3 repeats) into the project's store, in this process. */
async function saveRun(cwd: string, runId: string, cost: number, fails: boolean): Promise<void> {
  await runAgent(RECORDS, {
    agent: { name: "echo", ask: async () => "ok" },
    scorers: scorers(cost, fails),
    storeDir: join(cwd, ".ag2-eval", "runs"),
    repeats: 3,
    runId,
  });
}

describe("output people can read", () => {
  let cwd = "";
  before(async () => {
    cwd = await tempProject();
    await saveRun(cwd, "base", 0.00004, false);
    await saveRun(cwd, "rep", 0.0000532, true);
  });

  test("show: small scores in significant digits, the suite as tasks × repeats", async () => {
    const show = await runCli(["show", "rep"], { cwd });
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /\n {2}Suite: {7}inline \(25 tasks × 3 repeats = 75 runs, source: /);
    assert.match(show.stdout, /\n {2}cost {2}mean=0\.0000532 p50=0\.0000532 p95=0\.0000532 n=75\n/);
    assert.doesNotMatch(show.stdout, /=0\.00 /);
  });

  test("show: failing tasks grouped by task, cut after 20 with 'and N more', all with --all", async () => {
    const show = await runCli(["show", "rep"], { cwd });
    const section = show.stdout.split("\nFailing tasks ")[1]?.split("\n\n")[0] ?? "";
    const lines = section.split("\n");
    assert.equal(lines[0], "(12 tasks, 12 of 75 runs):");
    assert.equal(lines[1], "  t01 (1/3 runs): failed correct");
    assert.equal(lines.length, 1 + 12);
    assert.doesNotMatch(section, /#1/);

    const many = await tempProject();
    await runAgent(RECORDS, {
      agent: { name: "no", ask: async () => "no" },
      scorers: [{ key: "correct", score: async () => [{ key: "correct", score: false }] }],
      storeDir: join(many, ".ag2-eval", "runs"),
      runId: "all-fail",
    });
    const cut = await runCli(["show", "all-fail"], { cwd: many });
    const cutLines = cut.stdout.split("\nFailing tasks (25):\n")[1]?.trimEnd().split("\n") ?? [];
    assert.equal(cutLines.length, 21);
    assert.equal(cutLines.at(-1), "  and 5 more (--all lists every one)");
    const all = await runCli(["show", "all-fail", "--all"], { cwd: many });
    const allLines = all.stdout.split("\nFailing tasks (25):\n")[1]?.trimEnd().split("\n") ?? [];
    assert.equal(allLines.length, 25);
    assert.equal(allLines.at(-1), "  t24: failed correct");
  });

  test("show: the flakiness table's columns line up", async () => {
    const show = await runCli(["show", "rep"], { cwd });
    const flaky = show.stdout.split("\n").filter((line) => / passed {2}flip rate /.test(line));
    assert.equal(flaky.length, 12);
    assert.equal(new Set(flaky.map((line) => line.indexOf("passed"))).size, 1);
    assert.match(
      show.stdout,
      /\n {2}correct {18}pass@1 {2}84\.0% {3}pass@3 100\.0% {3}pass\^3 {2}52\.0% {3}12\/25 flaky\n/,
    );
  });

  test("diff: means in significant digits, flipped tasks in columns within COLUMNS", async () => {
    const diff = await runCli(["diff", "rep", "--baseline", "base"], {
      cwd,
      env: { COLUMNS: "50" },
    });
    assert.equal(diff.code, 0, diff.stderr);
    assert.match(diff.stdout, /\n {2}cost {21}mean 0\.00004 -> 0\.0000532 {3}\+0\.0000132/);
    const flips = diff.stdout.split("  flipped pass->fail (12):\n")[1]?.split("\n\n")[0] ?? "";
    // "correct:t01#1" is 13 wide: three columns fit in 50 after the indent
    assert.equal(flips.split("\n")[0], "    correct:t01#1  correct:t09#1  correct:t17#1");
    assert.equal(flips.split("\n").length, 4);
    assert.doesNotMatch(diff.stdout, /\['correct:/);
  });

  test("export -o into missing folders: Markdown with readable numbers and the repeats", async () => {
    const out = await runCli(["export", "rep", "--format", "markdown", "-o", "a/b/run.md"], {
      cwd,
    });
    assert.equal(out.code, 0, out.stderr);
    const markdown = await readFile(join(cwd, "a", "b", "run.md"), "utf8");
    assert.match(markdown, /\(25 tasks × 3 repeats\) · 75 runs/);
    assert.match(markdown, /\| cost \| mean 0\.0000532 \(p95 0\.0000532, n=75\) \|/);
    assert.match(markdown, /\| t00#1 \| ✅ \| 0\.0000532 \|/);
    assert.doesNotMatch(markdown, /0\.0000532000|0\.00 \(/);
  });

  test("list: cut to the width COLUMNS gives, whole without one", async () => {
    const narrow = await runCli(["list"], { cwd, env: { COLUMNS: "44" } });
    assert.equal(narrow.code, 0, narrow.stderr);
    const lines = narrow.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 3);
    for (const line of lines) assert.ok(line.length <= 44, `${line.length}: ${line}`);
    const whole = await runCli(["list"], { cwd });
    assert.match(whole.stdout, /\nrep {2}.*\+00:00 .*correct=84\.0%\n/);
  });

  test("a reader that stops early (| head -1): quiet exit 0, no stack trace", async () => {
    const { code, stderr, received } = await readFirstChunk(["show", "rep", "--json"], cwd);
    assert.ok(received > 0);
    assert.equal(stderr, "");
    assert.equal(code, 0);
  });
});

describe("variants, readable", () => {
  test("a mean of a fraction of a cent ranks in significant digits, not 0.000", async () => {
    const cost = `export default [{ key: "cost", score: async ({ inputs }) => [{ key: "cost", score: inputs.input === "hello" ? 0.0000532 : 0.00011 }] }];`;
    const cwd = await tempProject({ "cost.mjs": cost });
    const args = ["variants", "suite.jsonl", "--variants", "./sweep.mjs#variants"];
    const run = await runCli([...args, "--scorers", "./cost.mjs", "--key", "cost"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    // each variant: (0.0000532 + 2 × 0.00011) / 3
    assert.match(
      run.stdout,
      /\n {2}1\. careful {2}0\.0000911 {2}\(n=3\)\n {2}1\. sloppy {3}0\.0000911 {2}\(n=3\)/,
    );
    assert.doesNotMatch(run.stdout, /0\.000 /);
  });
});

describe("--otlp-endpoint that nobody answers", () => {
  test("one warning with a count of the tasks whose spans were lost, not one per task, and no wait for the exporter's retries", async () => {
    const cwd = await tempProject({ "package.json": `{ "type": "module" }` });
    const port = await closedPort();
    const args = [
      ...["run", "suite.jsonl", "--agent", "./traced-agent.ts#tracedGood"],
      ...["--scorers", "./scorers.mjs"],
    ];
    const timed = async (extra: readonly string[]) => {
      const started = performance.now();
      const result = await runCli([...args, ...extra], { cwd });
      return { ...result, ms: performance.now() - started };
    };
    const plain = await timed(["--run-id", "plain"]);
    const run = await timed(["--otlp-endpoint", `http://127.0.0.1:${port}`]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(run.code, 0, run.stderr);
    // the exporter retries a refused connection for 10 s; the run used to exit after them
    assert.ok(
      run.ms - plain.ms < 5000,
      `took ${Math.round(run.ms)} ms, ${Math.round(plain.ms)} ms without --otlp-endpoint`,
    );
    const warnings = run.stderr.split("\n").filter((line) => /otlp|span processor/i.test(line));
    assert.deepEqual(warnings.length, 1, run.stderr);
    assert.match(
      warnings[0] ?? "",
      new RegExp(
        `^warning: --otlp-endpoint http://127\\.0\\.0\\.1:${port}/v1/traces: the spans of 3 task\\(s\\) were not exported \\(\\d+ failed export\\(s\\), last: .+\\)$`,
      ),
    );
    assert.doesNotMatch(run.stderr, /AG2_EVAL_TRACING/);
  });
});

/** Runs the CLI, closes its stdout after the first chunk (as `head -1` does), waits for exit. */
function readFirstChunk(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stderr: string; received: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let received = 0;
    let stderr = "";
    child.stdout.once("data", (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += String(chunk);
    });
    child.on("close", (code) => resolve({ code, stderr, received }));
  });
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 9;
}
