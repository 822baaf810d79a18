import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { BIN, runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUN = ["run", "suite.jsonl", "--scorers", "./scorers.mjs"];

/** Answers in capitals after `ms`; "stuck" never answers a task whose input is "world". */
const SLOW_MJS = `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const slow = { name: "slow", ask: async (input) => { await sleep(700); return input.toUpperCase(); } };
export const stuck = {
  name: "stuck",
  ask: async (input) => (input === "world" ? new Promise(() => setInterval(() => {}, 1000)) : input.toUpperCase()),
};
`;

const storeDir = (cwd: string) => join(cwd, ".ag2-eval", "runs");
const firstLine = (text: string) => text.split("\n")[0] ?? "";
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Starts `ag2-eval` as a child process; resolves with its pid, exit code and output. */
function startCli(args: readonly string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout.resume();
  const exited = new Promise<{ pid: number; code: number | null; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ pid: child.pid ?? -1, code, stderr })),
  );
  return { child, exited };
}

describe("ag2-eval run: one run id, one writer", () => {
  test("a run id already saved is refused (exit 2, nothing changed) unless --overwrite", async () => {
    const cwd = await tempProject();
    const first = await runCli([...RUN, "--agent", "./agent.ts#good", "--run-id", "x"], { cwd });
    assert.equal(first.code, 0, first.stderr);
    const saved = await readFile(join(storeDir(cwd), "x.json"), "utf8");

    const again = await runCli([...RUN, "--agent", "./agent.ts#flaky", "--run-id", "x"], { cwd });
    assert.equal(again.code, 2, again.stderr);
    assert.match(firstLine(again.stderr), /^error: run x already exists in the store/);
    assert.match(
      again.stderr,
      /\nhint: --overwrite replaces that run, --resume <run-id> continues/,
    );
    assert.doesNotMatch(again.stdout, /Saved/);
    assert.equal(await readFile(join(storeDir(cwd), "x.json"), "utf8"), saved);

    const both = await runCli([...RUN, "--agent", "./agent.ts", "--overwrite", "--resume", "x"], {
      cwd,
    });
    assert.equal(both.code, 2);
    assert.match(firstLine(both.stderr), /--overwrite and --resume x contradict each other/);

    const replaced = await runCli(
      [...RUN, "--agent", "./agent.ts#flaky", "--run-id", "x", "--overwrite", "--json"],
      { cwd },
    );
    assert.equal(replaced.code, 0, replaced.stderr);
    const run = JSON.parse(await readFile(join(storeDir(cwd), "x.json"), "utf8"));
    assert.equal(run.target, "flaky");
  });

  test("an interrupted run id is continued only with --resume", async () => {
    const cwd = await tempProject({ "slow.mjs": SLOW_MJS });
    const { child, exited } = startCli(
      [...RUN, "--agent", "./slow.mjs#stuck", "--run-id", "cut", "--concurrency", "1"],
      cwd,
    );
    const journal = join(storeDir(cwd), "cut.journal.jsonl");
    // header + task a; task b never finishes
    while ((await readFile(journal, "utf8").catch(() => "")).split("\n").length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGKILL");
    await exited;

    const fresh = await runCli([...RUN, "--agent", "./agent.ts", "--run-id", "cut"], { cwd });
    assert.equal(fresh.code, 2, fresh.stderr);
    assert.match(firstLine(fresh.stderr), /^error: run cut already exists in the store/);
    assert.ok((await readFile(journal, "utf8")).length > 0, "the refused run kept the journal");

    const resumed = await runCli([...RUN, "--agent", "./agent.ts", "--resume", "cut", "--json"], {
      cwd,
    });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(JSON.parse(resumed.stdout).run.tasks.length, 3);
    assert.deepEqual(await readdir(storeDir(cwd)), ["cut.json"], "journal and stale lock are gone");
  });

  test("two processes given one run id: one runs, the other exits 2 naming the holder", async () => {
    const cwd = await tempProject({ "slow.mjs": SLOW_MJS });
    const args = [...RUN, "--agent", "./slow.mjs#slow", "--run-id", "race", "--concurrency", "1"];
    const [a, b] = await Promise.all([startCli(args, cwd).exited, startCli(args, cwd).exited]);
    const [winner, loser] = [a, b].sort((x, y) => (x.code ?? 9) - (y.code ?? 9));
    assert.ok(winner && loser);
    assert.equal(winner.code, 0, winner.stderr);
    assert.equal(loser.code, 2, `both ran: ${loser.stderr}`);
    assert.match(
      firstLine(loser.stderr),
      new RegExp(
        `^error: run race is locked by another writer \\(pid ${winner.pid} on host "${escaped(hostname())}"`,
      ),
    );
    assert.match(loser.stderr, /\nhint: one process writes a run at a time/);
    assert.deepEqual(await readdir(storeDir(cwd)), ["race.json"]);
  });
});
