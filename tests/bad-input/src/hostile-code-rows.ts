import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { eventTracing, type RunAgentOptions, runAgent, scorer } from "@ag2/eval";
import type { BadInputRow, RowContext } from "./bad-input-row.js";
import { cli, project } from "./cli-rows.js";

// "hi" misbehaves as the export says; every other input answers in capitals.
const HOSTILE_MJS = `
import { mkdirSync } from "node:fs";
const upper = async (input) => input.toUpperCase();
// a folder appears where the run file goes once the run is under way: the final save fails
export const blocksSave = {
  name: "blocks-save",
  ask: async (input) => { mkdirSync("own-runs/r.json", { recursive: true }); return upper(input); },
};
export const exits = { name: "exits", ask: async () => process.exit(0) };
export const hangs = { name: "hangs", ask: () => new Promise(() => {}) };
export const floats = {
  name: "floats",
  ask: async (input) => { void Promise.reject(new Error("nobody awaits me")); return upper(input); },
};
`;

/**
 * `ag2-eval run` with a hostile agent export, on a store of its own (a run that does not
 * finish keeps its journal there; the shared store must stay as it was).
 */
async function hostileRun(
  context: RowContext,
  agent: string,
): Promise<{ code: number; stdout: string; stderr: string; runs: string }> {
  await project(context.dir);
  await writeFile(join(context.dir, "hostile.mjs"), HOSTILE_MJS);
  const runs = join(context.dir, "own-runs");
  await mkdir(runs, { recursive: true });
  const args = ["run", "suite.jsonl", "--agent", agent, "--scorers", "./scorers.mjs"];
  const result = await cli([...args, "--store", runs, "--run-id", "r"], context.dir);
  return { ...result, runs };
}

function options(overrides: Partial<RunAgentOptions>): RunAgentOptions {
  return {
    agent: { name: "echo", ask: async (input: string) => input },
    scorers: [],
    store: null,
    tracing: eventTracing(),
    ...overrides,
  };
}

const TASKS = [
  { task_id: "a", inputs: { input: "hi" } },
  { task_id: "b", inputs: { input: "yo" } },
];

/** Runs that must not look saved or finished, and hostile agent and scorer code. */
export const HOSTILE_CODE_ROWS: readonly BadInputRow[] = [
  {
    name: "CLI: a folder appears where the run file goes: exit 4, no Saved line, journal kept",
    async check(context) {
      const run = await hostileRun(context, "./hostile.mjs#blocksSave");
      assert.equal(run.code, 4, run.stderr);
      assert.match(run.stderr, /^error: run r finished but was NOT saved \(.+\).*--resume r/m);
      assert.doesNotMatch(run.stdout, /Saved/);
      assert.ok(existsSync(join(run.runs, "r.journal.jsonl")));
      assert.ok(!existsSync(join(run.runs, "r.lock")), "the run's lock is released");
    },
  },
  {
    name: "CLI: agent code calling process.exit(0): exit 5, the run did not finish",
    async check(context) {
      const run = await hostileRun(context, "./hostile.mjs#exits");
      assert.equal(run.code, 5, run.stderr);
      assert.match(run.stderr, /^error: run r did not finish: process\.exit\(0\) was called/m);
      assert.ok(!existsSync(join(run.runs, "r.lock")), "the run's lock went with the process");
    },
  },
  {
    name: "CLI: a task that never settles and holds no timer: exit 5 naming it (not Node's 13)",
    async check(context) {
      const run = await hostileRun(context, "./hostile.mjs#hangs");
      assert.equal(run.code, 5, run.stderr);
      assert.match(run.stderr, /^error: run r can never finish: .*never settled.*: a \(agent\)/m);
      assert.ok(!existsSync(join(run.runs, "r.lock")), "the run's lock is released");
    },
  },
  {
    name: "CLI: a floating rejected promise in agent code: a warning naming the task, exit 0",
    async check(context) {
      const run = await hostileRun(context, "./hostile.mjs#floats");
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /warning: unhandled promise rejection in task a .*nobody awaits me/);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    },
  },
  {
    name: "runAgent: an agent throwing an Error whose message getter throws (the run goes on)",
    async check() {
      const error = new Error("x");
      Object.defineProperty(error, "message", {
        get() {
          throw new Error("unreadable");
        },
      });
      const agent = {
        name: "hostile",
        ask: async (input: string) => (input === "hi" ? Promise.reject(error) : input),
      };
      const result = await runAgent(TASKS, options({ agent }));
      assert.match(result.tasks[0]?.trace.exception?.message ?? "", /could not be read/);
      assert.equal(result.tasks[1]?.trace.exception, null);
    },
  },
  {
    name: "runAgent: a scorer that never answers is that scorer's error past scorerTimeoutMs",
    async check() {
      const never = scorer(() => new Promise<boolean>(() => undefined), { key: "never" });
      const fine = scorer(() => true, { key: "fine" });
      const result = await runAgent(
        TASKS,
        options({ scorers: [never, fine], scorerTimeoutMs: 30 }),
      );
      for (const task of result.tasks) {
        assert.deepEqual(
          task.feedback.map((fb) => [fb.key, fb.score]),
          [
            ["never", null],
            ["fine", true],
          ],
        );
      }
    },
  },
  {
    name: "runAgent: a scorer setting trace.exception is that scorer's error; the trace is unchanged",
    async check() {
      const forger = scorer(
        ({ trace }) => {
          (trace as { exception: unknown }).exception = { type: "Forged", message: "x" };
          return true;
        },
        { key: "forger" },
      );
      const result = await runAgent(TASKS, options({ scorers: [forger] }));
      for (const task of result.tasks) {
        assert.equal(task.trace.exception, null);
        assert.match(task.feedback[0]?.comment ?? "", /scorer raised: TypeError/);
      }
    },
  },
];
