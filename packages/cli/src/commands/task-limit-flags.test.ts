import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// "hello" fails with a 503 the first time each agent is asked it; "world" never answers
// until its signal aborts; anything else answers at once. Counters are per process.
const LIMITS_MJS = `
const calls = new Map();
const ask = (name) => async (input, { signal }) => {
  const key = name + ":" + input;
  calls.set(key, (calls.get(key) ?? 0) + 1);
  if (input === "hello" && calls.get(key) === 1) {
    throw Object.assign(new Error("busy"), { status: 503, retryAfterMs: 0 });
  }
  if (input === "world") {
    return new Promise((_, reject) => {
      const pending = setInterval(() => {}, 1000);
      signal.addEventListener("abort", () => { clearInterval(pending); reject(signal.reason); });
    });
  }
  return input.toUpperCase();
};
export const variants = { only: { name: "only", ask: ask("only") } };
export const a = { name: "a", ask: ask("a") };
export const b = { name: "b", ask: ask("b") };
const told = (trace) => trace.exception ? trace.exception.message : "answered";
export const comparators = [{
  key: "same",
  compare: ({ traceA, traceB }) => ({ winner: "tie", reasoning: told(traceA) + " | " + told(traceB) }),
}];
`;

interface RunFileTask {
  task_id: string;
  exception: { type: string; message: string } | null;
  attempts?: unknown[];
}

// the retry's backoff (a random share of 500 ms) stays well inside the timeout
const LIMITS = ["--retries", "1", "--timeout", "1.5s"];

describe("--timeout and --retries, one vocabulary for run, variants and pairwise", () => {
  test("--timeout takes units (a bare number is seconds) and the recorded timeout names the flag", async () => {
    const cwd = await tempProject({ "limits.mjs": LIMITS_MJS });
    const run = await runCli(
      ["run", "suite.jsonl", "--agent", "./limits.mjs#a", "--scorers", "./scorers.mjs"].concat([
        "--timeout",
        "250ms",
        "--json",
      ]),
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const world = JSON.parse(run.stdout).run.tasks.find(
      (task: RunFileTask) => task.task_id === "b",
    );
    assert.equal(world.exception.message, "task 'b' timed out after 250 ms (--timeout)");
    for (const [given, expected] of [
      [
        "abc",
        /^error: --timeout: got "abc", expected a duration above 0: seconds \("30"\) or a number with ms, s, m or h/,
      ],
      ["0", /^error: --timeout: got "0", expected a duration above 0/],
      ["1.5 weeks", /^error: --timeout: got "1.5 weeks"/],
    ] as const) {
      const bad = await runCli(
        ["run", "suite.jsonl", "--agent", "./agent.ts", "--timeout", given],
        {
          cwd,
        },
      );
      assert.equal(bad.code, 2, given);
      assert.match(bad.stderr, expected);
    }
  });

  test("the config file's timeout takes units too, and its retries count retries after the first ask", async () => {
    const cwd = await tempProject({
      "limits.mjs": LIMITS_MJS,
      "ag2-eval.config.mjs":
        'export default { agent: "./limits.mjs#a", scorers: "./scorers.mjs", timeout: "250ms", retries: 0 };\n',
      "bad.config.mjs": 'export default { timeout: "soon" };\n',
    });
    const run = await runCli(["run", "suite.jsonl", "--json"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const tasks = JSON.parse(run.stdout).run.tasks as RunFileTask[];
    assert.equal(tasks[0]?.exception?.message, "busy", "retries: 0 asks once");
    assert.equal(tasks[1]?.exception?.message, "task 'b' timed out after 250 ms (--timeout)");
    const bad = await runCli(["run", "--config", "bad.config.mjs"], { cwd });
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /field "timeout": got "soon" \(a string\), expected a duration above 0: seconds/,
    );
  });

  test("variants takes --retries and --timeout, with run's meaning", async () => {
    const cwd = await tempProject({ "limits.mjs": LIMITS_MJS });
    const sweep = await runCli(
      ["variants", "suite.jsonl", "--variants", "./limits.mjs#variants", "--scorers"].concat([
        "./scorers.mjs",
        "--run-id",
        "sw",
        ...LIMITS,
      ]),
      { cwd },
    );
    assert.equal(sweep.code, 0, sweep.stderr);
    const file = JSON.parse(await readFile(join(cwd, ".ag2-eval/runs/sw-only.json"), "utf8"));
    const byId = new Map<string, RunFileTask>(
      (file.tasks as RunFileTask[]).map((task) => [task.task_id, task]),
    );
    assert.equal(byId.get("a")?.exception, null, "the retry answered");
    assert.equal(byId.get("a")?.attempts?.length, 2);
    assert.equal(byId.get("b")?.exception?.message, "task 'b' timed out after 1500 ms (--timeout)");
  });

  test("pairwise takes --retries and --timeout, with run's meaning", async () => {
    const cwd = await tempProject({ "limits.mjs": LIMITS_MJS });
    const compared = await runCli(
      ["pairwise", "suite.jsonl", "--a", "./limits.mjs#a", "--b", "./limits.mjs#b"].concat([
        "--comparators",
        "./limits.mjs#comparators",
        "--json",
        ...LIMITS,
      ]),
      { cwd },
    );
    assert.equal(compared.code, 0, compared.stderr);
    const cases = JSON.parse(compared.stdout).cases as { task_id: string; reasoning: string }[];
    const told = Object.fromEntries(cases.map((entry) => [entry.task_id, entry.reasoning]));
    assert.equal(told.a, "answered | answered", "both retried the 503");
    assert.equal(
      told.b,
      "task 'b' timed out after 1500 ms (--timeout) | task 'b' timed out after 1500 ms (--timeout)",
    );
    const help = await runCli(["pairwise", "--help"], { cwd });
    assert.match(help.stdout, /--timeout <30\|1\.5s\|500ms> +abort a task after this long/);
    assert.match(help.stdout, /--retries <n> +ask a task up to n more times/);
  });
});
