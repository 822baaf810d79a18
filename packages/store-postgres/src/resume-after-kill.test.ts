import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { eventTracing, runAgent } from "@ag2/eval-core";
import { resumeScorers, resumeSuite, reversingAgent } from "./__fixtures__/resume-agent.js";
import { testTargets, useTestDatabase } from "./database-targets.test-helper.js";

const CHILD = fileURLToPath(new URL("./__fixtures__/resume-child.js", import.meta.url));
const SIZE = 200;
const RUN_ID = "resumable-1";
// long enough that a loaded machine cannot let it lapse by accident; the test ages it by hand
const LEASE_MS = 60_000;

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "ag2-pg-resume-"));
});
after(() => rm(dir, { recursive: true, force: true }));

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

async function invocations(sideFile: string): Promise<string[]> {
  const text = await readFile(sideFile, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => `t${(line.split(" ")[1] ?? "").slice(1).padStart(3, "0")}`);
}

for (const target of testTargets()) {
  describe(`a run killed on one machine resumes on another (${target.name})`, () => {
    const database = useTestDatabase(target);

    it("grades only the missing tasks once the killed writer's claim lapsed, and saves what one process would", async () => {
      const store = database.store();
      await store.ready();
      const sideFile = join(dir, `${store.schema}.log`);
      const start = (mode: "start" | "resume") =>
        spawn(
          process.execPath,
          [
            CHILD,
            database.url,
            store.schema,
            RUN_ID,
            sideFile,
            mode,
            String(SIZE),
            String(LEASE_MS),
          ],
          { stdio: ["ignore", "ignore", "pipe"] },
        );
      const first = start("start");
      const firstExit = exited(first);
      while (((await store.readJournal(RUN_ID))?.results.length ?? 0) <= 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.kill("SIGKILL");
      const killed = await firstExit;
      assert.equal(killed.signal, "SIGKILL", killed.stderr);
      const journaled =
        (await store.readJournal(RUN_ID))?.results.map((result) => result.task.taskId) ?? [];
      assert.ok(journaled.length > 20 && journaled.length < SIZE, `journaled ${journaled.length}`);
      const ranBefore = (await invocations(sideFile)).length;

      // the dead writer's claim still holds: a resume right away is refused, naming it
      const early = await exited(start("resume"));
      assert.notEqual(early.code, 0);
      assert.match(
        early.stderr,
        new RegExp(`RunWriterConflictError.*being written by machine-start:${first.pid}`),
      );

      // as if the lease had passed without a heartbeat (the killed writer sends none)
      await database.sql(
        `UPDATE "${store.schema}".ag2_eval_writers SET heartbeat_at = heartbeat_at - interval '61 seconds'`,
      );
      const late = await exited(start("resume"));
      assert.equal(late.code, 0, late.stderr);

      const final = await store.load(RUN_ID);
      const ids = final.tasks.map((result) => result.task.taskId);
      assert.deepEqual(
        ids,
        resumeSuite(SIZE).tasks.map((task) => task.taskId),
      );
      const resumedIds = (await invocations(sideFile)).slice(ranBefore);
      const done = new Set(journaled);
      assert.deepEqual(
        resumedIds.filter((id) => done.has(id)),
        [],
        "a journaled task ran again",
      );
      assert.deepEqual(
        [...resumedIds].sort(),
        ids.filter((id) => !done.has(id)),
        "each missing task ran once",
      );
      assert.equal(
        await store.readJournal(RUN_ID),
        null,
        "the journal is discarded after the save",
      );

      const uninterrupted = await runAgent(resumeSuite(SIZE), {
        agent: reversingAgent({ delayMs: 0 }),
        scorers: resumeScorers,
        store: null,
        tracing: eventTracing(),
        concurrency: 8,
      });
      assert.deepEqual(final.aggregates, uninterrupted.aggregates);
      await assert.rejects(
        runAgent(resumeSuite(SIZE), {
          agent: reversingAgent({ delayMs: 0 }),
          scorers: resumeScorers,
          store,
          tracing: eventTracing(),
          resume: RUN_ID,
        }),
        new RegExp(`run ${RUN_ID} is already finished`),
      );
    });
  });
}
