import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { eventTracing } from "../agent/event-tracing.js";
import { runAgent } from "../run/run-agent.js";
import type { RunStore } from "../run-result/run-store.js";
import {
  type ResumeWriterRequest,
  resumeScenarioAgent,
  resumeScenarioScorers,
  resumeScenarioSuite,
} from "./resume-scenario.js";

/** How a writer process ended. */
export interface WriterExit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stderr: string;
}

/**
 * How the contract starts writer processes on the store under test, for the case where a
 * writer is killed with SIGKILL mid-run and another process resumes the run.
 */
export interface KilledWriterHarness<S extends RunStore> {
  /**
   * Starts a process that opens a store on the same data as `store` and calls
   * `runResumeWriter(itsStore, request)` (from `@ag2/eval-core/testing`), stderr piped.
   */
  start(store: S, request: ResumeWriterRequest): ChildProcess | Promise<ChildProcess>;
  /**
   * Runs after the kill, before the resume that must succeed: a store whose writers hold a
   * lease checks here that a resume right away is refused, then lets the lease lapse.
   */
  beforeResume?(context: {
    readonly store: S;
    readonly runId: string;
    readonly killedPid: number;
    resume(): Promise<WriterExit>;
  }): Promise<void>;
}

const SIZE = 200;
const RUN_ID = "resumable-1";
/** Tasks journaled before the kill: enough to prove they are kept. */
const BEFORE_KILL = 20;

function exited(child: ChildProcess): Promise<WriterExit> {
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
}

/** The task id of each invocation the side file noted, in order ("<pid> q7" → "t007"). */
async function invokedIds(sideFile: string): Promise<string[]> {
  const text = await readFile(sideFile, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => `t${(line.split(" ")[1] ?? "").slice(1).padStart(3, "0")}`);
}

/** Registers the killed-writer case of the {@link RunStore} contract. */
export function itResumesAfterKilledWriter<S extends RunStore>(
  createStore: () => S | Promise<S>,
  harness: KilledWriterHarness<S> | undefined,
): void {
  it("resumes a run whose writer was killed (SIGKILL): only the missing tasks run, once each, and the save equals an uninterrupted run", async (t) => {
    if (!harness) {
      t.skip("no killedWriter harness: this store is not shared across processes");
      return;
    }
    const store = await createStore();
    const readJournal = store.readJournal?.bind(store);
    if (!readJournal) {
      t.skip("this store has no journal methods");
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), "ag2-resume-"));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const sideFile = join(dir, "invocations.log");
    const start = async (mode: ResumeWriterRequest["mode"]) =>
      harness.start(store, { runId: RUN_ID, mode, sideFile, size: SIZE });
    const journaledIds = async () =>
      (await readJournal(RUN_ID))?.results.map((result) => result.task.taskId) ?? [];

    const first = await start("start");
    let firstEnded = false;
    const firstExit = exited(first).finally(() => {
      firstEnded = true;
    });
    while ((await journaledIds()).length <= BEFORE_KILL) {
      if (firstEnded) assert.fail(`the writer ended before the kill: ${(await firstExit).stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.kill("SIGKILL");
    const killed = await firstExit;
    assert.equal(killed.signal, "SIGKILL", killed.stderr);
    const journaled = await journaledIds();
    assert.ok(
      journaled.length > BEFORE_KILL && journaled.length < SIZE,
      `journaled ${journaled.length}`,
    );
    const ranBefore = (await invokedIds(sideFile)).length;
    assert.ok(ranBefore < SIZE, "the first writer finished before the kill");

    await harness.beforeResume?.({
      store,
      runId: RUN_ID,
      killedPid: first.pid ?? -1,
      resume: async () => exited(await start("resume")),
    });
    const resumed = await exited(await start("resume"));
    assert.equal(resumed.code, 0, resumed.stderr);

    const final = await store.load(RUN_ID);
    const ids = final.tasks.map((result) => result.task.taskId);
    assert.deepEqual(
      ids,
      resumeScenarioSuite(SIZE).tasks.map((task) => task.taskId),
    );
    const resumedIds = (await invokedIds(sideFile)).slice(ranBefore);
    const done = new Set(journaled);
    assert.deepEqual(
      resumedIds.filter((id) => done.has(id)),
      [],
      "a task journaled before the kill ran again",
    );
    assert.deepEqual(
      [...resumedIds].sort(),
      ids.filter((id) => !done.has(id)),
      "each missing task ran exactly once",
    );
    assert.equal(await readJournal(RUN_ID), null, "the journal is discarded after the save");

    const uninterrupted = await runAgent(resumeScenarioSuite(SIZE), {
      agent: resumeScenarioAgent({ delayMs: 0 }),
      scorers: resumeScenarioScorers,
      store: null,
      tracing: eventTracing(),
      concurrency: 8,
    });
    assert.deepEqual(final.aggregates, uninterrupted.aggregates);
    assert.equal(
      final.passRate("correct", { tag: "even" }),
      uninterrupted.passRate("correct", { tag: "even" }),
    );
    // a finished run is never resumed by mistake
    await assert.rejects(
      runAgent(resumeScenarioSuite(SIZE), {
        agent: resumeScenarioAgent({ delayMs: 0 }),
        scorers: resumeScenarioScorers,
        store,
        tracing: eventTracing(),
        resume: RUN_ID,
      }),
      new RegExp(`run ${RUN_ID} is already finished`),
    );
  });
}
