import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { JournalHeader } from "@ag2/eval-core/internal";
import { makeRunResult, makeTaskResult } from "@ag2/eval-core/testing";
import { serverTargets, useTestDatabase } from "./database-targets.test-helper.js";
import { RunWriterConflictError } from "./run-writer-conflict-error.js";

const HOLDER = fileURLToPath(new URL("./__fixtures__/hold-lock-child.js", import.meta.url));
const RACER = fileURLToPath(new URL("./__fixtures__/run-same-id-child.js", import.meta.url));

const header = (runId: string): JournalHeader => ({
  runId,
  label: null,
  createdAt: "2026-11-26T10:30:00.123000+00:00",
  target: "agent",
  concurrency: 2,
  suite: { name: "s", source: "inline", size: 3 },
  taskIds: ["a", "b", "c"],
});

function refusedBy(holder: string, runId: string) {
  return (error: unknown) => {
    assert.ok(RunWriterConflictError.isInstance(error), String(error));
    assert.equal(error.writer.holder, holder);
    assert.equal(typeof error.writer.pid, "number");
    assert.equal(error.runId, runId);
    assert.match(
      error.message,
      new RegExp(
        `run "${runId}" is being written by ${holder} \\(server process ${error.writer.pid}, connected since .*one writer per run id`,
      ),
    );
    return true;
  };
}

/** Runs `node <args>`; resolves once it exits. */
function node(args: string[]): Promise<{ pid: number; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) =>
    child.on("exit", (code) => resolve({ pid: child.pid ?? -1, code, stderr })),
  );
}

const { targets, skip } = serverTargets();
if (skip !== null) {
  describe("one writer per run id (PostgreSQL advisory locks)", () => {
    it("runs on a PostgreSQL server", (t) => t.skip(skip));
  });
}

for (const target of targets) {
  describe(`one writer per run id on ${target.name}`, () => {
    const database = useTestDatabase(target);

    it("refuses a second writer, naming the holder, until the first closes", async () => {
      const a = database.store({ writerName: "machine-a:101" });
      const b = database.store({ schema: a.schema, writerName: "machine-b:202" });
      const journal = await a.openJournal(header("w1"));
      await journal.append(makeTaskResult({ taskId: "a" }));
      await assert.rejects(b.openJournal(header("w1")), refusedBy("machine-a:101", "w1"));
      await assert.rejects(b.lock("w1"), refusedBy("machine-a:101", "w1"));
      await assert.rejects(
        b.save(makeRunResult({ runId: "w1" })),
        refusedBy("machine-a:101", "w1"),
      );
      await assert.rejects(b.delete("w1"), refusedBy("machine-a:101", "w1"));
      await assert.rejects(b.discardJournal("w1"), refusedBy("machine-a:101", "w1"));
      // other runs, and the holder itself, are not held up; reading is never refused
      await (await b.openJournal(header("w2"))).close();
      await a.save(makeRunResult({ runId: "w1" }));
      assert.equal((await b.readJournal("w1"))?.results.length, 1);
      assert.equal(await b.exists("w1"), true);
      await journal.close();
      const resumed = await b.openJournal(header("w1"));
      await resumed.append(makeTaskResult({ taskId: "b" }));
      await resumed.close();
      assert.deepEqual(
        (await a.readJournal("w1"))?.results.map((result) => result.task.taskId),
        ["a", "b"],
      );
    });

    it("lets exactly one of several simultaneous writers in", async () => {
      const first = database.store({ writerName: "w-0" });
      const stores = [
        first,
        ...[1, 2, 3, 4].map((i) => database.store({ schema: first.schema, writerName: `w-${i}` })),
      ];
      await first.ready();
      const opened = await Promise.allSettled(
        stores.map((store, i) =>
          i % 2 === 0 ? store.openJournal(header("race")) : store.lock("race"),
        ),
      );
      const winners = opened.filter((outcome) => outcome.status === "fulfilled");
      assert.equal(winners.length, 1);
      for (const outcome of opened) {
        if (outcome.status === "rejected")
          assert.ok(RunWriterConflictError.isInstance(outcome.reason), String(outcome.reason));
      }
      await Promise.all(stores.map((store) => store.close()));
    });

    it("the lock holder saves, journals and deletes under its lock; release frees the run", async () => {
      const a = database.store({ writerName: "holder" });
      const b = database.store({ schema: a.schema, writerName: "other" });
      const lock = await a.lock("l1");
      const journal = await a.openJournal(header("l1"));
      await journal.append(makeTaskResult({ taskId: "a" }));
      await journal.close(); // the journal did not take the lock, so it leaves it held
      await assert.rejects(b.lock("l1"), refusedBy("holder", "l1"));
      await a.save(makeRunResult({ runId: "l1" }));
      await a.discardJournal("l1");
      assert.equal((await b.load("l1")).runId, "l1");
      await assert.rejects(b.delete("l1"), refusedBy("holder", "l1"));
      await a.delete("l1");
      await lock.release();
      await lock.release();
      await (await b.lock("l1")).release();
    });

    it("a killed holder frees the run at once", async () => {
      const store = database.store({ writerName: "survivor" });
      await store.ready();
      const child = spawn(
        process.execPath,
        [HOLDER, database.url, store.schema, "k1", "doomed:1"],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk) => String(chunk).includes("held") && resolve());
        child.on("exit", (code) => reject(new Error(`the holder exited (${code})`)));
      });
      await assert.rejects(store.lock("k1"), refusedBy("doomed:1", "k1"));
      const killedAt = Date.now();
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      // the server ends the session as soon as it reads the closed socket
      for (;;) {
        const lock = await store.lock("k1").catch((error: unknown) => {
          if (!RunWriterConflictError.isInstance(error) || Date.now() - killedAt > 5_000)
            throw error;
          return null;
        });
        if (lock) {
          await lock.release();
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    it("a writer whose lock connection was cut writes nothing more; the run is free", async () => {
      const a = database.store({ writerName: "cut" });
      const b = database.store({ schema: a.schema, writerName: "next" });
      const journal = await a.openJournal(header("c1"));
      await journal.append(makeTaskResult({ taskId: "a" }));
      const holder = await b.lock("c1").then(
        () => assert.fail("the run was free"),
        (error: RunWriterConflictError) => error.writer,
      );
      await database.sql("SELECT pg_terminate_backend($1)", [holder.pid]);
      await assert.rejects(journal.append(makeTaskResult({ taskId: "b" })), {
        name: "PostgresStoreError",
        message: /cannot journal 1 task\(s\) of run "c1"/,
      });
      await assert.rejects(a.save(makeRunResult({ runId: "c1" })), {
        message: /the connection holding the run's lock closed/,
      });
      const next = await b.openJournal(header("c1"));
      await next.append(makeTaskResult({ taskId: "c" }));
      await next.close();
      await journal.close();
      assert.deepEqual(
        (await b.readJournal("c1"))?.results.map((result) => result.task.taskId),
        ["a", "c"],
      );
    });

    it("two processes running one run id: one runs, the other is refused naming it", async () => {
      const store = database.store();
      await store.ready();
      const startAt = String(Date.now() + 3_000);
      const args = [RACER, database.url, store.schema, "race-1", "40", startAt];
      const outcomes = (await Promise.all([node(args), node(args)])).sort(
        (x, y) => (x.code ?? 9) - (y.code ?? 9),
      );
      const [winner, loser] = outcomes as [(typeof outcomes)[0], (typeof outcomes)[0]];
      assert.equal(winner.code, 0, winner.stderr);
      assert.equal(loser.code, 2, `both processes ran the same run id: ${loser.stderr}`);
      assert.match(
        loser.stderr,
        new RegExp(
          `^RunWriterConflictError: .*run "race-1" is being written by racer:${winner.pid} `,
        ),
      );
      const run = await store.load("race-1");
      assert.equal(run.tasks.length, 40);
      assert.equal(await store.readJournal("race-1"), null);
    });
  });
}
