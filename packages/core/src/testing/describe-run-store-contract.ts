import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { JournalHeader, RunStore } from "../run-result/run-store.js";
import {
  itResumesAfterKilledWriter,
  type KilledWriterHarness,
} from "./it-resumes-after-killed-writer.js";
import { makeRunResult, makeTaskResult } from "./make-results.js";
import { richRun } from "./rich-run.js";

function header(runId: string, createdAt = "2026-11-26T10:30:00.123000+00:00"): JournalHeader {
  return {
    runId,
    label: null,
    createdAt,
    target: "test-agent",
    concurrency: 2,
    suite: { name: "inline", source: "inline", size: 3 },
    taskIds: ["a", "b", "c"],
    // a store keeps the caller's invocation as it was given (the CLI resumes from it)
    invocation: { command: "run", suite: "/evals/s.jsonl", flags: { repeats: "2", json: true } },
  };
}

async function rejectsNaming(promise: Promise<unknown>, runId: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof Error, "expected an Error");
    assert.ok(error.message.includes(runId), `the error should name '${runId}': ${error.message}`);
    return true;
  });
}

/** What else {@link describeRunStoreContract} may exercise. */
export interface RunStoreContractOptions<S extends RunStore> {
  /**
   * For a store that several processes share: how to start a writer process on it. The
   * contract then kills one mid-run with SIGKILL and checks that another resumes the run
   * without losing or repeating a graded task. Without it, that case is skipped.
   */
  readonly killedWriter?: KilledWriterHarness<S>;
}

/**
 * Registers `node:test` cases that any {@link RunStore} implementation should pass: save and
 * load round trip every field of the run file, listing is newest first with a label filter,
 * unknown ids reject naming the id, delete and overwrite work, and — when the store has
 * them — journals append, resume, read back and discard, `exists` sees runs and journals, and
 * `lock` gives a run id to one writer at a time; with `options.killedWriter`, a run whose
 * writer process was killed resumes in another process.
 *
 * @example
 * ```ts
 * import { describeRunStoreContract } from "@ag2/eval-core/testing";
 * describeRunStoreContract("FsRunStore", async () => new FsRunStore(await mkdtemp(tmp)), {
 *   killedWriter: {
 *     start: (store, request) =>
 *       spawn(process.execPath, [CHILD, store.dir, JSON.stringify(request)], {
 *         stdio: ["ignore", "ignore", "pipe"],
 *       }),
 *   },
 * });
 * ```
 */
export function describeRunStoreContract<S extends RunStore>(
  name: string,
  createStore: () => S | Promise<S>,
  options: RunStoreContractOptions<S> = {},
): void {
  describe(`RunStore contract: ${name}`, () => {
    it("loads back exactly what was saved", async () => {
      const store = await createStore();
      const run = richRun("rich-1");
      await store.save(run);
      const loaded = await store.load("rich-1");
      assert.deepEqual(loaded.toJSON(), run.toJSON());
      const [fr, pe] = loaded.tasks;
      assert.deepEqual(fr?.feedback[0]?.detail, { expected: "Paris", got: "Paris" });
      assert.deepEqual(fr?.task.tags, ["geo", "eu"]);
      assert.deepEqual(fr?.task.metadata, { level: 2, source: "S\u00e3o Paulo" });
      assert.deepEqual(fr?.traceRef, {
        traceId: "abc123",
        taskId: "fr",
        metadata: { source: "tempo" },
      });
      assert.equal(pe?.trace.exception?.type, "TimeoutError");
      assert.equal(pe?.trace.exception?.message, "task exceeded 30s");
      assert.equal(pe?.budgetViolation, true);
      assert.equal(loaded.label, "nightly");
      assert.equal(loaded.passRate("correct"), 1);
      assert.equal(loaded.aggregates.tokens.total, 30);
    });

    it("lists newest first and filters by label", async () => {
      const store = await createStore();
      const at = (day: string) => `2026-11-${day}T10:00:00.000000+00:00`;
      await store.save(makeRunResult({ runId: "mid", label: "x", createdAt: at("20") }));
      await store.save(makeRunResult({ runId: "new", label: "y", createdAt: at("25") }));
      await store.save(makeRunResult({ runId: "old", label: "x", createdAt: at("10") }));
      const all = await store.list();
      assert.deepEqual(
        all.map((info) => info.runId),
        ["new", "mid", "old"],
      );
      assert.equal(all[0]?.label, "y");
      assert.deepEqual(all[0]?.passRate, { ok: 0.5 });
      const x = await store.list({ label: "x" });
      assert.deepEqual(
        x.map((info) => info.runId),
        ["mid", "old"],
      );
      assert.deepEqual(await store.list({ label: "none" }), []);
    });

    it("rejects loading an unknown id with an error naming it", async () => {
      const store = await createStore();
      await store.save(makeRunResult({ runId: "known" }));
      await rejectsNaming(store.load("missing-run-42"), "missing-run-42");
    });

    it("deletes a run, and rejects deleting an unknown one", async () => {
      const store = await createStore();
      await store.save(makeRunResult({ runId: "keep" }));
      await store.save(makeRunResult({ runId: "gone" }));
      await store.delete("gone");
      await rejectsNaming(store.load("gone"), "gone");
      assert.deepEqual(
        (await store.list()).map((info) => info.runId),
        ["keep"],
      );
      await rejectsNaming(store.delete("gone"), "gone");
    });

    it("overwrites a run saved again under the same id", async () => {
      const store = await createStore();
      await store.save(makeRunResult({ runId: "same", label: "first" }));
      const second = makeRunResult({
        runId: "same",
        label: "second",
        tasks: [makeTaskResult({ taskId: "only", feedback: [{ key: "ok", score: true }] })],
      });
      await store.save(second);
      const listed = await store.list();
      assert.deepEqual(
        listed.map((info) => [info.runId, info.label]),
        [["same", "second"]],
      );
      assert.deepEqual((await store.load("same")).toJSON(), second.toJSON());
    });

    it("keeps, resumes, reads back and discards journals (stores with journals)", async (t) => {
      const store = await createStore();
      if (!store.openJournal || !store.readJournal || !store.discardJournal) {
        t.skip("this store has no journal methods");
        return;
      }
      assert.equal(await store.readJournal("j1"), null);
      const first = await store.openJournal(header("j1"));
      const a = makeTaskResult({
        taskId: "a",
        feedback: [{ key: "ok", score: true, detail: { n: 1 } }],
      });
      const b = makeTaskResult({ taskId: "b", exception: { type: "RangeError", message: "bad" } });
      await Promise.all([first.append(a), first.append(b)]);
      await first.close();
      const read = await store.readJournal("j1");
      assert.deepEqual(read?.header, header("j1"));
      assert.deepEqual(new Set(read?.results.map((r) => r.task.taskId)), new Set(["a", "b"]));
      const readA = read?.results.find((r) => r.task.taskId === "a");
      assert.deepEqual(readA?.feedback[0]?.detail, { n: 1 });
      const readB = read?.results.find((r) => r.task.taskId === "b");
      assert.equal(readB?.trace.exception?.type, "RangeError");

      // a resume given other flags records them: the next resume starts from those
      const invocation = { command: "run", suite: "/evals/s.jsonl", flags: { concurrency: "3" } };
      const resumed = await store.openJournal({ ...header("j1"), invocation });
      await resumed.append(makeTaskResult({ taskId: "c" }));
      await resumed.close();
      const reread = await store.readJournal("j1");
      assert.deepEqual(
        reread?.results.map((r) => r.task.taskId).sort(),
        ["a", "b", "c"],
        "the tasks journaled before the resume stay",
      );
      assert.deepEqual(reread?.header, { ...header("j1"), invocation });

      const fresh = await store.openJournal(header("j1", "2026-11-27T08:00:00.000000+00:00"));
      await fresh.close();
      assert.deepEqual((await store.readJournal("j1"))?.results, []);

      await store.discardJournal("j1");
      assert.equal(await store.readJournal("j1"), null);
    });

    it("says whether a saved run or a journal has an id (stores with exists)", async (t) => {
      const store = await createStore();
      if (!store.exists) {
        t.skip("this store has no exists method");
        return;
      }
      assert.equal(await store.exists("e1"), false);
      await store.save(makeRunResult({ runId: "e1" }));
      assert.equal(await store.exists("e1"), true);
      if (store.openJournal) {
        await (await store.openJournal(header("e2"))).close();
        assert.equal(await store.exists("e2"), true, "a journal alone takes the id");
      }
      await store.delete("e1");
      assert.equal(await store.exists("e1"), false);
    });

    it("gives a run id to one writer at a time (stores with lock)", async (t) => {
      const store = await createStore();
      if (!store.lock) {
        t.skip("this store has no lock method");
        return;
      }
      const lock = await store.lock("l1");
      // a second writer is refused, even one in this process, and told which run
      await rejectsNaming(store.lock("l1"), "l1");
      await (await store.lock("l2")).release();
      // the holder writes under its lock, and a journal it opens leaves the lock held
      await store.save(makeRunResult({ runId: "l1" }));
      if (store.openJournal) {
        const journal = await store.openJournal(header("l1"));
        await journal.append(makeTaskResult({ taskId: "a" }));
        await journal.close();
        await rejectsNaming(store.lock("l1"), "l1");
      }
      await lock.release();
      await lock.release();
      await (await store.lock("l1")).release();
    });

    itResumesAfterKilledWriter(createStore, options.killedWriter);
  });
}
