import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// Fails the first two asks of "hello" with an HTTP-like 503, then answers; other inputs
// answer at once. A module-level counter: every task of one run shares the process.
const FLAKY_503_TS = `
const calls = new Map<string, number>();
export default {
  name: "flaky-503",
  ask: async (input: string): Promise<string> => {
    const call = (calls.get(input) ?? 0) + 1;
    calls.set(input, call);
    if (input === "hello" && call <= 2) {
      throw Object.assign(new Error("service unavailable (try " + call + ")"), { status: 503 });
    }
    return input.toUpperCase();
  },
};
`;

// The reference agent on a scripted model reporting 3 input + 2 output tokens per task; it
// logs every input it is asked, so a resumed run shows which tasks ran again.
const METERED_TS = `
import { appendFileSync } from "node:fs";
import { Agent, TestConfig, type ModelCallRequest } from "@ag2/eval";
const last = (request: ModelCallRequest): string =>
  String(request.messages.filter((message) => message.role === "user").at(-1)?.content ?? "");
const build = (model: string) => {
  const config = new TestConfig((request: ModelCallRequest) => ({
    type: "ModelResponse" as const,
    content: last(request).toUpperCase(),
    usage: { inputTokens: 3, outputTokens: 2 },
  })).withModel({ model });
  const inner = new Agent({ name: "metered", config });
  return {
    name: "metered",
    ask: (input: string, options: Parameters<typeof inner.ask>[1]) => {
      appendFileSync("asked.log", input + "\\n");
      return inner.ask(input, options);
    },
  };
};
export const unknownModel = build("house-model-7");
export const gpt4o = build("gpt-4o");
`;

const BASE = ["run", "suite.jsonl", "--scorers", "./scorers.mjs", "--concurrency", "1"];

interface RunFileTask {
  task_id: string;
  exception: { type: string; message: string } | null;
  attempts?: { error: { type: string; message: string } | null }[];
}

async function runFile(cwd: string, runId: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(cwd, ".ag2-eval/runs", `${runId}.json`), "utf8"));
}

async function asked(cwd: string): Promise<string[]> {
  return (await readFile(join(cwd, "asked.log"), "utf8")).trim().split("\n");
}

describe("ag2-eval run --retries", () => {
  test("retries a 503 with backoff until it answers, and the run file records every attempt", async () => {
    const cwd = await tempProject({ "flaky.ts": FLAKY_503_TS });
    // two retries after the first ask: the third ask answers
    const run = await runCli(
      [...BASE, "--agent", "./flaky.ts", "--retries", "2", "--run-id", "r3"],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const tasks = (await runFile(cwd, "r3")).tasks as RunFileTask[];
    const hello = tasks.find((task) => task.task_id === "a");
    assert.equal(hello?.exception, null, "the third attempt answered");
    assert.deepEqual(
      hello?.attempts?.map((attempt) => attempt.error?.message ?? null),
      ["service unavailable (try 1)", "service unavailable (try 2)", null],
    );
    const others = tasks.filter((task) => task.task_id !== "a");
    assert.deepEqual(
      others.map((task) => task.attempts?.length ?? 1),
      [1, 1],
      "a task that answered at once was asked once",
    );
  });

  test("gives up after --retries retries and records the last error on the task; --retries 0 asks once", async () => {
    const cwd = await tempProject({ "flaky.ts": FLAKY_503_TS });
    const run = await runCli(
      [...BASE, "--agent", "./flaky.ts", "--retries", "1", "--run-id", "r2"],
      { cwd },
    );
    assert.equal(run.code, 0, "a failed task is data, not a failed command");
    const hello = ((await runFile(cwd, "r2")).tasks as RunFileTask[]).find(
      (task) => task.task_id === "a",
    );
    assert.match(hello?.exception?.message ?? "", /service unavailable \(try 2\)/);
    assert.equal(hello?.attempts?.length, 2);
    const fresh = await tempProject({ "flaky.ts": FLAKY_503_TS });
    const none = await runCli(
      [...BASE, "--agent", "./flaky.ts", "--retries", "0", "--run-id", "r0"],
      { cwd: fresh },
    );
    assert.equal(none.code, 0, none.stderr);
    const once = ((await runFile(fresh, "r0")).tasks as RunFileTask[]).find(
      (task) => task.task_id === "a",
    );
    assert.match(once?.exception?.message ?? "", /service unavailable \(try 1\)/);
    assert.equal(once?.attempts, undefined, "no retries: no attempts recorded");
    const bad = await runCli([...BASE, "--agent", "./flaky.ts", "--retries=-1"], { cwd });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^error: --retries: got "-1", expected a whole number >= 0/);
  });
});

describe("ag2-eval run run-wide budgets", () => {
  test("--max-tokens stops the run with exit 3 and a resume hint; --resume with a higher budget completes it", async () => {
    const cwd = await tempProject({ "metered.ts": METERED_TS });
    const agent = ["--agent", "./metered.ts#unknownModel"];
    const stopped = await runCli([...BASE, ...agent, "--max-tokens", "5", "--run-id", "tight"], {
      cwd,
    });
    assert.equal(stopped.code, 3, stopped.stderr);
    assert.match(
      stopped.stderr,
      /^stopped: token budget reached \(used 5 of 5\); resume with --resume tight and a higher --max-tokens$/m,
    );
    const partial = await runFile(cwd, "tight");
    assert.deepEqual(partial.stop_reason, { budget: "tokens", limit: 5, used: 5 });
    assert.equal((partial.tasks as unknown[]).length, 1);
    assert.ok(existsSync(join(cwd, ".ag2-eval/runs/tight.journal.jsonl")), "journal kept");
    assert.deepEqual(await asked(cwd), ["hello"]);

    const again = await runCli([...BASE, ...agent, "--resume", "tight", "--max-tokens", "6"], {
      cwd,
    });
    assert.equal(again.code, 3, "10 tokens after the second task: over 6 again");
    assert.match(again.stderr, /used 10 of 6/);

    const resumed = await runCli(
      [...BASE, ...agent, "--resume", "tight", "--max-tokens", "1000", "--json"],
      { cwd },
    );
    assert.equal(resumed.code, 0, resumed.stderr);
    const run = JSON.parse(resumed.stdout).run;
    assert.equal(run.tasks.length, 3);
    assert.equal(run.stop_reason, undefined);
    assert.equal(run.aggregates.pass_rate.correct, 1);
    assert.deepEqual(await asked(cwd), ["hello", "world", "são paulo"], "no task asked twice");
    assert.ok(!existsSync(join(cwd, ".ag2-eval/runs/tight.journal.jsonl")), "journal gone");
  });

  test("--max-cost-usd prices models from the price table; an unknown model counts 0 with one warning naming it", async () => {
    const cwd = await tempProject({ "metered.ts": METERED_TS });
    const unknown = await runCli(
      [...BASE, "--agent", "./metered.ts#unknownModel", "--max-cost-usd", "0.00001"],
      { cwd },
    );
    assert.equal(unknown.code, 0, unknown.stderr);
    const warnings = unknown.stderr.split("\n").filter((line) => line.startsWith("warning:"));
    assert.deepEqual(warnings, [
      "warning: no price for model 'house-model-7' in the price table; its tokens counted as $0 toward --max-cost-usd (add it to prices in ag2-eval.config.ts)",
    ]);
    // gpt-4o: 3 input tokens at $2.50/M + 2 output at $10/M = $0.0000275 per task
    const priced = await runCli(
      [...BASE, "--agent", "./metered.ts#gpt4o", "--max-cost-usd", "0.00005", "--run-id", "c"],
      { cwd },
    );
    assert.equal(priced.code, 3, priced.stderr);
    assert.match(
      priced.stderr,
      /^stopped: cost budget reached \(used \$0\.000055 of \$0\.00005\); resume with --resume c and a higher --max-cost-usd$/m,
    );
    assert.doesNotMatch(priced.stderr, /no price/);
  });

  test("a config prices entry makes an unknown model count toward --max-cost-usd (exit 3); bad prices are refused", async () => {
    const cwd = await tempProject({
      "metered.ts": METERED_TS,
      // 3 input tokens at $10/M + 2 output at $10/M = $0.00005 per task
      "ag2-eval.config.mjs":
        'export default { prices: { "house-model": { input: 10, output: 10 } } };\n',
      "bad.config.mjs":
        'export default { prices: { "house-model": { input: "10", output: 1 } } };\n',
    });
    const stopped = await runCli(
      [
        ...BASE,
        "--agent",
        "./metered.ts#unknownModel",
        "--max-cost-usd",
        "0.00008",
        "--run-id",
        "p",
      ],
      { cwd },
    );
    assert.equal(stopped.code, 3, stopped.stderr);
    assert.match(
      stopped.stderr,
      /^stopped: cost budget reached \(used \$0\.0001 of \$0\.00008\); resume with --resume p and a higher --max-cost-usd$/m,
    );
    assert.doesNotMatch(stopped.stderr, /no price/);
    assert.equal(((await runFile(cwd, "p")).tasks as unknown[]).length, 2);
    const bad = await runCli(["run", "--config", "bad.config.mjs"], { cwd });
    assert.equal(bad.code, 2);
    assert.equal(
      bad.stderr.split("\n")[0],
      `error: ${join(cwd, "bad.config.mjs")}: field "prices.house-model.input": got "10" (a string), expected a number >= 0 (USD per million tokens)`,
    );
  });

  test("--max-duration takes 90s, 5m or milliseconds; the config file's keys are validated", async () => {
    const cwd = await tempProject({
      "metered.ts": METERED_TS,
      "budget.config.mjs":
        'export default { agent: "./metered.ts#unknownModel", scorers: "./scorers.mjs", maxDuration: "5m", retries: 2, maxTokens: 100, maxCostUsd: 1 };\n',
      "bad.config.mjs": 'export default { maxDuration: "soon" };\n',
    });
    const fine = await runCli(["run", "suite.jsonl", "--config", "budget.config.mjs"], { cwd });
    assert.equal(fine.code, 0, fine.stderr);
    const flag = await runCli(
      [...BASE, "--agent", "./metered.ts#unknownModel", "--max-duration", "90s"],
      {
        cwd,
      },
    );
    assert.equal(flag.code, 0, flag.stderr);
    const badFlag = await runCli(
      [...BASE, "--agent", "./metered.ts#unknownModel", "--max-duration", "5 minutes"],
      {
        cwd,
      },
    );
    assert.equal(badFlag.code, 2);
    assert.match(
      badFlag.stderr,
      /^error: --max-duration: got "5 minutes", expected a duration above 0/,
    );
    const badConfig = await runCli(["run", "suite.jsonl", "--config", "bad.config.mjs"], { cwd });
    assert.equal(badConfig.code, 2);
    assert.match(
      badConfig.stderr,
      /bad\.config\.mjs: field "maxDuration": got "soon" \(a string\), expected a duration above 0/,
    );
  });
});
