import assert from "node:assert/strict";
import { lstat, readdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { eventTracing, runAgent } from "@ag2/eval-core";
import {
  resumeScenarioAgent,
  resumeScenarioScorers,
  resumeScenarioSuite,
} from "@ag2/eval-core/testing";
import { caseDirs } from "./__fixtures__/case-dirs.js";
import { deadPid, runNode } from "./__fixtures__/child-process.js";
import { fsRunStore } from "./fs-run-store.js";
import { LOCK_FORMAT } from "./run-lock.js";
import { RunLockedError } from "./run-locked-error.js";

const RACER = fileURLToPath(new URL("./__fixtures__/run-same-id-child.js", import.meta.url));
const LOCKER = fileURLToPath(new URL("./__fixtures__/lock-child.js", import.meta.url));
const EXITER = fileURLToPath(new URL("./__fixtures__/exit-holding-lock-child.js", import.meta.url));

const freshDir = caseDirs("ag2-lock-");

function lockText(holder: { pid: number; host?: string; runId?: string }): string {
  return JSON.stringify({
    lock: LOCK_FORMAT,
    run_id: holder.runId ?? "r",
    pid: holder.pid,
    host: holder.host ?? hostname(),
    started_at: "2026-12-06T10:00:00.000Z",
  });
}

const quickRun = (store: ReturnType<typeof fsRunStore>, runId: string) =>
  runAgent(resumeScenarioSuite(3), {
    agent: resumeScenarioAgent({ delayMs: 0 }),
    scorers: resumeScenarioScorers,
    store,
    tracing: eventTracing(),
    runId,
  });

describe("one run id, one writer", () => {
  it("two processes racing on one run id: one runs, the other is refused naming the holder", async () => {
    const dir = await freshDir();
    const size = 120;
    const startAt = String(Date.now() + 2_000);
    const [a, b] = await Promise.all([
      runNode([RACER, dir, "race", String(size), startAt]),
      runNode([RACER, dir, "race", String(size), startAt]),
    ]);
    const outcomes = [a, b].sort((x, y) => (x.code ?? 9) - (y.code ?? 9));
    const [winner, loser] = outcomes as [typeof a, typeof b];
    assert.equal(winner.code, 0, winner.stderr);
    assert.equal(loser.code, 2, `both processes ran the same run id: ${loser.stderr}`);
    assert.match(loser.stderr, /^RunLockedError: run race is locked by another writer/);
    assert.match(loser.stderr, new RegExp(`pid ${winner.pid} on host "${hostname()}"`));
    assert.match(loser.stderr, new RegExp(`lock file ${join(dir, "race.lock")}`));
    const store = fsRunStore(dir);
    const run = await store.load("race");
    assert.deepEqual(
      run.tasks.map((t) => t.task.taskId),
      resumeScenarioSuite(size).tasks.map((t) => t.taskId),
    );
    assert.equal(await store.readJournal("race"), null, "the winner discarded its own journal");
    assert.deepEqual(await readdir(dir), ["race.json"], "no lock, journal or temp file is left");
  });

  it("takes over the lock of a dead process on this machine", async () => {
    const dir = await freshDir();
    const pid = await deadPid();
    await writeFile(join(dir, "r.lock"), lockText({ pid }));
    const result = await quickRun(fsRunStore(dir), "r");
    assert.equal(result.tasks.length, 3);
    assert.deepEqual(await readdir(dir), ["r.json"]);
  });

  it("refuses a lock held by a live process, naming it, and leaves the lock alone", async () => {
    const dir = await freshDir();
    const text = lockText({ pid: process.ppid });
    await writeFile(join(dir, "r.lock"), text);
    const error = await quickRun(fsRunStore(dir), "r").then(
      () => assert.fail("a second writer ran"),
      (caught: unknown) => caught,
    );
    assert.ok(RunLockedError.isInstance(error));
    assert.deepEqual(error.holder, {
      pid: process.ppid,
      host: hostname(),
      startedAt: "2026-12-06T10:00:00.000Z",
    });
    assert.match(error.message, new RegExp(`pid ${process.ppid} on host`));
    assert.equal(await readFile(join(dir, "r.lock"), "utf8"), text);
    assert.deepEqual(await readdir(dir), ["r.lock"], "nothing else was written");
  });

  it("never takes over a lock from another machine", async () => {
    const dir = await freshDir();
    const pid = await deadPid();
    await writeFile(join(dir, "r.lock"), lockText({ pid, host: "build-box-7" }));
    await assert.rejects(quickRun(fsRunStore(dir), "r"), {
      name: "RunLockedError",
      message: new RegExp(`pid ${pid} on host "build-box-7"`),
    });
    assert.deepEqual(await readdir(dir), ["r.lock"]);
  });

  it("refuses a lock file it cannot read as one, quoting what it holds", async () => {
    const dir = await freshDir();
    await writeFile(join(dir, "r.lock"), "garbage");
    await assert.rejects(fsRunStore(dir).lock("r"), {
      name: "RunLockedError",
      message: /an unknown holder.*got "garbage"; expected a lock \(ag2-eval\.lock\/1\)/,
    });
  });

  it("a lock naming this pid that this process does not hold is an earlier process's", async () => {
    const dir = await freshDir();
    await writeFile(join(dir, "r.lock"), lockText({ pid: process.pid }));
    const store = fsRunStore(dir);
    const lock = await store.lock("r");
    // but a second writer within this process is refused
    await assert.rejects(fsRunStore(dir).lock("r"), {
      name: "RunLockedError",
      message: new RegExp(`pid ${process.pid}`),
    });
    await lock.release();
    await lock.release();
    assert.deepEqual(await readdir(dir), []);
  });

  it("a second store reaching the folder through a link cannot take this process's lock", async () => {
    const dir = await freshDir();
    const linked = `${dir}-link`;
    await symlink(dir, linked, "dir");
    const lock = await fsRunStore(dir).lock("r");
    await assert.rejects(fsRunStore(linked).lock("r"), { name: "RunLockedError" });
    await lock.release();
    await (await fsRunStore(linked).lock("r")).release();
  });

  it("releasing leaves a lock that another writer put in its place", async () => {
    const dir = await freshDir();
    const lock = await fsRunStore(dir).lock("r");
    await writeFile(join(dir, "other"), lockText({ pid: process.ppid }));
    await rename(join(dir, "other"), join(dir, "r.lock"));
    await lock.release();
    assert.ok((await lstat(join(dir, "r.lock"))).isFile());
  });

  it("of several processes taking over one stale lock at once, exactly one gets it", async () => {
    const pid = await deadPid();
    const dirs = await Promise.all(Array.from({ length: 30 }, () => freshDir()));
    for (const dir of dirs) await writeFile(join(dir, "r.lock"), lockText({ pid }));
    // each process goes through the same folders in the same order, so every stale lock is
    // contested by all of them at nearly the same instant
    const startAt = String(Date.now() + 1_500);
    const children = await Promise.all(
      Array.from({ length: 4 }, () => runNode([LOCKER, dirs.join(","), "r", startAt, "1500"])),
    );
    const lines = children.map((child) => child.stdout.trim().split("\n"));
    const stderr = children.map((child) => child.stderr).join("\n");
    dirs.forEach((dir, index) => {
      const outcomes = lines.map((of) => of[index]).sort();
      assert.deepEqual(
        outcomes,
        ["held", "refused RunLockedError", "refused RunLockedError", "refused RunLockedError"],
        `${dir}\n${stderr}`,
      );
    });
    for (const dir of dirs) {
      assert.deepEqual(
        await readdir(dir),
        [],
        "the winner released its lock; no temp file is left",
      );
    }
  });

  it("a process calling process.exit() while it holds a lock leaves no lock behind", async () => {
    const dir = await freshDir();
    const child = await runNode([EXITER, dir, "gone"]);
    assert.equal(child.code, 7, child.stderr);
    assert.equal(child.stdout, "held\n");
    assert.deepEqual(await readdir(dir), [], "the lock file went with the process");
    await fsRunStore(dir)
      .lock("gone")
      .then((lock) => lock.release());
  });

  it("a journal opened without a lock takes one until it closes", async () => {
    const dir = await freshDir();
    const store = fsRunStore(dir);
    const header = {
      runId: "j",
      label: null,
      createdAt: "2026-12-06T10:00:00.000000+00:00",
      target: "t",
      concurrency: 1,
      suite: { name: "s", source: "memory", size: 1 },
      taskIds: ["a"],
    };
    const journal = await store.openJournal(header);
    await assert.rejects(fsRunStore(dir).openJournal(header), { name: "RunLockedError" });
    assert.ok((await lstat(join(dir, "j.lock"))).isFile());
    await journal.close();
    await assert.rejects(lstat(join(dir, "j.lock")), { code: "ENOENT" });
  });
});
