import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { caseDirs } from "./__fixtures__/case-dirs.js";
import { killed, runNode, startNode } from "./__fixtures__/child-process.js";
import { makeRun } from "./__fixtures__/make-run.js";
import { onePairwise } from "./__fixtures__/one-pairwise.js";
import { fsRunStore } from "./fs-run-store.js";
import { RunLockedError } from "./run-locked-error.js";

const LOCKER = fileURLToPath(new URL("./__fixtures__/lock-child.js", import.meta.url));
const WRITER = fileURLToPath(new URL("./__fixtures__/locked-write-child.js", import.meta.url));

const freshDir = caseDirs("ag2-locked-writes-");

/** A child process holding the lock of `runId` in `dir` until it is killed. */
async function holder(dir: string, runId: string) {
  const { child, line } = await startNode([LOCKER, dir, runId, String(Date.now()), "600000"]);
  assert.equal(line, "held");
  return child;
}

function refusedBy(pid: number | undefined) {
  return (error: unknown) => {
    assert.ok(RunLockedError.isInstance(error), String(error));
    assert.equal(error.holder?.pid, pid);
    assert.match(error.message, new RegExp(`locked by another writer \\(pid ${pid} on host`));
    return true;
  };
}

describe("delete and savePairwise take the run lock", () => {
  it("a run another process is writing is not deleted; once that process died, it is", async () => {
    const dir = await freshDir();
    const store = fsRunStore(dir);
    await store.save(makeRun({ runId: "r", size: 3 }));
    const child = await holder(dir, "r");
    try {
      await assert.rejects(store.delete("r"), refusedBy(child.pid));
      assert.equal((await store.load("r")).tasks.length, 3, "the run is still there");
    } finally {
      await killed(child);
    }
    await store.delete("r"); // the dead holder's lock is taken over, then released
    assert.deepEqual(await readdir(dir), []);
  });

  it("a pairwise save under an id another process is writing is refused and writes nothing", async () => {
    const dir = await freshDir();
    const store = fsRunStore(dir);
    const pairwise = await onePairwise("pw");
    const child = await holder(dir, "pw");
    try {
      await assert.rejects(store.savePairwise(pairwise), refusedBy(child.pid));
      assert.deepEqual(await readdir(dir), ["pw.lock"]);
    } finally {
      await killed(child);
    }
    await store.savePairwise(pairwise);
    assert.deepEqual((await store.loadPairwise("pw")).toJSON(), pairwise.toJSON());
    assert.deepEqual(await readdir(dir), ["pw.json"]);
  });

  it("while this process holds a run, another process can neither delete it nor save a pairwise run over it", async () => {
    const dir = await freshDir();
    const store = fsRunStore(dir);
    const lock = await store.lock("r");
    await store.save(makeRun({ runId: "r", size: 2 }));
    const refusal = new RegExp(`^refused RunLockedError: run r is locked .*pid ${process.pid} on`);
    try {
      for (const operation of ["delete", "pairwise"]) {
        const child = await runNode([WRITER, dir, operation, "r"]);
        assert.equal(child.code, 0, child.stderr);
        assert.match(child.stdout, refusal, operation);
      }
      assert.equal((await store.load("r")).tasks.length, 2, "the run is untouched");
    } finally {
      await lock.release();
    }
    const child = await runNode([WRITER, dir, "delete", "r"]);
    assert.equal(child.stdout, "done\n", child.stderr);
    assert.deepEqual(await readdir(dir), []);
  });

  it("the store holding the lock deletes and saves under it, and keeps holding it", async () => {
    const dir = await freshDir();
    const store = fsRunStore(dir);
    const lock = await store.lock("r");
    await store.save(makeRun({ runId: "r", size: 1 }));
    await store.delete("r");
    await store.savePairwise(await onePairwise("r"));
    await assert.rejects(fsRunStore(dir).lock("r"), { name: "RunLockedError" });
    await lock.release();
    assert.deepEqual(await readdir(dir), ["r.json"]);
  });
});
