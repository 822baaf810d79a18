import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { JournalHeader } from "@ag2/eval-core/internal";
import { makeRunResult, makeTaskResult } from "@ag2/eval-core/testing";
import { testTargets, useTestDatabase } from "./database-targets.test-helper.js";
import { RunWriterConflictError } from "./run-writer-conflict-error.js";

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
    assert.equal(error.runId, runId);
    assert.match(
      error.message,
      new RegExp(`run "${runId}" is being written by ${holder} .*one writer per run id`),
    );
    return true;
  };
}

for (const target of testTargets()) {
  describe(`one writer per run id on ${target.name}`, () => {
    const database = useTestDatabase(target);

    it("refuses a second writer, naming the holder, until the first closes", async () => {
      const a = database.store({ writerName: "machine-a:101" });
      const b = database.store({ schema: a.schema, writerName: "machine-b:202" });
      const journal = await a.openJournal(header("w1"));
      await journal.append(makeTaskResult({ taskId: "a" }));
      await assert.rejects(b.openJournal(header("w1")), refusedBy("machine-a:101", "w1"));
      await assert.rejects(
        b.save(makeRunResult({ runId: "w1" })),
        refusedBy("machine-a:101", "w1"),
      );
      await assert.rejects(b.delete("w1"), refusedBy("machine-a:101", "w1"));
      await assert.rejects(b.discardJournal("w1"), refusedBy("machine-a:101", "w1"));
      // other runs, and the holder itself, are not held up
      await (await b.openJournal(header("w2"))).close();
      await a.save(makeRunResult({ runId: "w1" }));
      assert.equal((await b.readJournal("w1"))?.results.length, 1);
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
        stores.map((store) => store.openJournal(header("race"))),
      );
      const winners = opened.filter((outcome) => outcome.status === "fulfilled");
      assert.equal(winners.length, 1);
      for (const outcome of opened) {
        if (outcome.status === "rejected")
          assert.ok(RunWriterConflictError.isInstance(outcome.reason));
      }
      await (winners[0] as PromiseFulfilledResult<{ close(): Promise<void> }>).value.close();
    });

    it("keeps the claim alive with heartbeats while the writer lives", async () => {
      const a = database.store({ writerName: "alive", writerLeaseMs: 400 });
      const b = database.store({ schema: a.schema, writerName: "other", writerLeaseMs: 400 });
      const journal = await a.openJournal(header("beat"));
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await assert.rejects(b.openJournal(header("beat")), refusedBy("alive", "beat"));
      await journal.close();
    });

    it("frees the run once a writer that stopped heartbeating has been silent for the lease", async () => {
      const a = database.store({ writerName: "gone", writerLeaseMs: 1_000 });
      const b = database.store({ schema: a.schema, writerName: "next", writerLeaseMs: 1_000 });
      await a.openJournal(header("silent"));
      await b.ready();
      await a.close(); // its heartbeats now fail, as a killed process's would stop
      await assert.rejects(b.openJournal(header("silent")), refusedBy("gone", "silent"));
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      await (await b.openJournal(header("silent"))).close();
    });

    it("takes over a lapsed claim, and the old writer can no longer append", async () => {
      const a = database.store({ writerName: "stalled" });
      const b = database.store({ schema: a.schema, writerName: "successor" });
      const old = await a.openJournal(header("lapse"));
      await old.append(makeTaskResult({ taskId: "a" }));
      // as if the holder stopped heartbeating two minutes ago (a frozen or dead process)
      await database.sql(
        `UPDATE "${a.schema}".ag2_eval_writers SET heartbeat_at = heartbeat_at - interval '2 minutes'`,
      );
      const successor = await b.openJournal(header("lapse"));
      await assert.rejects(old.append(makeTaskResult({ taskId: "b" })), (error: unknown) => {
        assert.ok(RunWriterConflictError.isInstance(error));
        assert.equal(error.writer.holder, "successor");
        assert.match(error.message, /lease lapsed and the run was taken over/);
        return true;
      });
      await old.close();
      await successor.append(makeTaskResult({ taskId: "c" }));
      assert.deepEqual(
        (await b.readJournal("lapse"))?.results.map((result) => result.task.taskId),
        ["a", "c"],
      );
      const writers = await database.sql(`SELECT holder FROM "${a.schema}".ag2_eval_writers`);
      assert.deepEqual(
        writers.rows,
        [{ holder: "successor" }],
        "closing the old journal freed the new claim",
      );
      await successor.close();
    });
  });
}
