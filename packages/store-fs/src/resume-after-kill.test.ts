import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { eventTracing, runAgent } from "@ag2/eval-core";
import { resumeScorers, resumeSuite, slowAgent } from "./__fixtures__/resume-agent.js";
import { fsRunStore } from "./fs-run-store.js";

const CHILD = fileURLToPath(new URL("./__fixtures__/resume-child.js", import.meta.url));
const SIZE = 200;
const RUN_ID = "resumable-1";

let dir: string;
let sideFile: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "ag2-resume-"));
  sideFile = join(dir, "invocations.log");
});
after(() => rm(dir, { recursive: true, force: true }));

function start(mode: "start" | "resume"): ChildProcess {
  return spawn(process.execPath, [CHILD, join(dir, "runs"), RUN_ID, sideFile, mode, String(SIZE)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
}

function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
}

async function journaledIds(): Promise<string[]> {
  const contents = await fsRunStore(join(dir, "runs")).readJournal(RUN_ID);
  return contents?.results.map((result) => result.task.taskId) ?? [];
}

async function invocations(): Promise<{ pid: string; input: string }[]> {
  const text = await readFile(sideFile, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const [pid = "", input = ""] = line.split(" ");
      return { pid, input };
    });
}

describe("a run killed with SIGKILL resumes without losing or repeating graded tasks", () => {
  it("grades the rest in a second process and saves the same aggregates as an uninterrupted run", async () => {
    const first = start("start");
    const firstExit = exited(first);
    const journalPath = join(dir, "runs", `${RUN_ID}.journal.jsonl`);
    for (;;) {
      const lines = (await readFile(journalPath, "utf8").catch(() => "")).split("\n").length - 1;
      if (lines > 20) break; // header + some tasks
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    first.kill("SIGKILL");
    const killed = await firstExit;
    assert.equal(killed.signal, "SIGKILL", killed.stderr);
    const before = await journaledIds();
    assert.ok(before.length >= 20 && before.length < SIZE, `journaled ${before.length}`);
    const firstInvocations = await invocations();
    assert.ok(firstInvocations.length < SIZE, "the first process finished before the kill");

    const second = start("resume");
    const secondExit = await exited(second);
    assert.equal(secondExit.code, 0, secondExit.stderr);

    const store = fsRunStore(join(dir, "runs"));
    const final = await store.load(RUN_ID);
    const ids = final.tasks.map((result) => result.task.taskId);
    assert.deepEqual(
      ids,
      resumeSuite(SIZE).tasks.map((task) => task.taskId),
    );

    const idOf = (input: string) => `t${input.slice(1).padStart(3, "0")}`;
    const resumedIds = (await invocations())
      .slice(firstInvocations.length)
      .map((entry) => idOf(entry.input));
    const journaled = new Set(before);
    assert.deepEqual(
      resumedIds.filter((id) => journaled.has(id)),
      [],
      "a task graded before the kill ran again",
    );
    assert.deepEqual(
      [...resumedIds].sort(),
      ids.filter((id) => !journaled.has(id)),
      "each missing task ran exactly once",
    );
    assert.equal(await store.readJournal(RUN_ID), null, "the journal is discarded after the save");

    const uninterrupted = await runAgent(resumeSuite(SIZE), {
      agent: slowAgent({ delayMs: 0 }),
      scorers: resumeScorers,
      store: null,
      tracing: eventTracing(),
      concurrency: 8,
    });
    assert.deepEqual(final.aggregates, uninterrupted.aggregates);
    assert.equal(
      final.passRate("correct", { tag: "even" }),
      uninterrupted.passRate("correct", { tag: "even" }),
    );

    // A finished run is never resumed by mistake.
    await assert.rejects(
      runAgent(resumeSuite(SIZE), {
        agent: slowAgent({ delayMs: 0 }),
        scorers: resumeScorers,
        store,
        tracing: eventTracing(),
        resume: RUN_ID,
      }),
      new RegExp(`run ${RUN_ID} is already finished`),
    );
  });
});
