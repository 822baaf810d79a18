import { type FileHandle, link, lstat, open, rm, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import type { RunLock } from "@ag2/eval-core/internal";
import type { FileIdentity } from "./file-identity.js";
import { CREATE_NEW, READ_NO_FOLLOW } from "./open-flags.js";
import { isProcessAlive } from "./process-alive.js";
import { processRegistry } from "./process-registry.js";
import { releaseAtExit } from "./release-at-exit.js";
import { RunLockedError, type RunLockHolder } from "./run-locked-error.js";
import { tempPathDone, tempPathFor } from "./temp-name.js";

/** Marks a lock file's content; bump the number for an incompatible layout. */
export const LOCK_FORMAT = "ag2-eval.lock/1";

// Rounds of "create, find a stale lock, remove it" before giving up on a contested lock.
const MAX_ATTEMPTS = 5;

// Lock files held by this process, as "dev:ino" (one file may have several paths: a store
// folder reached through a link). A lock naming this pid that is not here was left by an
// earlier process that had the same pid (a container's pid 1 after a restart).
const heldHere = processRegistry("held-locks");

/**
 * Takes the lock of run `runId` at `path` by creating the file exclusively, with the holder
 * (pid, host, start time) inside. A lock whose holder ran on this machine and no longer runs
 * is stale and taken over; a lock from another machine never is, since no pid says whether
 * that process still runs. Rejects with {@link RunLockedError} naming the holder otherwise.
 */
export async function acquireRunLock(options: { path: string; runId: string }): Promise<RunLock> {
  const { path, runId } = options;
  const holder: RunLockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const created = await createLockFile(path, runId, holder);
    if (created) {
      heldHere.add(idOf(created));
      return heldLock(path, created);
    }
    const found = await readLockFile(path, runId);
    if (found === null) continue; // released meanwhile: try again
    if (!isStale(found)) throw new RunLockedError({ runId, path, ...found });
    await removeIfUnchanged(path, found.file);
  }
  throw new RunLockedError({
    runId,
    path,
    holder: null,
    reason: `other processes kept taking it over (${MAX_ATTEMPTS} attempts)`,
  });
}

/**
 * Writes the lock beside `path`, then links it into place: the link fails when any file (or
 * link) already has the name, and a reader never sees a lock without its holder.
 */
async function createLockFile(
  path: string,
  runId: string,
  holder: RunLockHolder,
): Promise<FileIdentity | null> {
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, CREATE_NEW, 0o644);
    let file: FileIdentity;
    try {
      const { pid, host, startedAt } = holder;
      const json = { lock: LOCK_FORMAT, run_id: runId, pid, host, started_at: startedAt };
      await handle.writeFile(`${JSON.stringify(json)}\n`, "utf8");
      await handle.sync();
      const { dev, ino } = await handle.stat();
      file = { dev, ino };
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return null;
      throw error;
    }
    return file;
  } finally {
    await rm(temp, { force: true }).catch(() => {});
    tempPathDone(temp);
  }
}

/** The lock at `path` and its holder; null when it is gone. Never follows a link. */
async function readLockFile(
  path: string,
  runId: string,
): Promise<{ holder: RunLockHolder; file: FileIdentity } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, READ_NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ELOOP") {
      throw new RunLockedError({
        runId,
        path,
        holder: null,
        reason: "got a symbolic link where the lock file goes, and links are never followed",
      });
    }
    throw error;
  }
  try {
    const { dev, ino } = await handle.stat();
    const text = await handle.readFile("utf8");
    const holder = holderOf(text);
    if (holder === null) {
      throw new RunLockedError({
        runId,
        path,
        holder: null,
        reason: `got ${JSON.stringify(text.slice(0, 80))}; expected a lock (${LOCK_FORMAT}) with pid, host and started_at`,
      });
    }
    return { holder, file: { dev, ino } };
  } finally {
    await handle.close();
  }
}

function holderOf(text: string): RunLockHolder | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const { lock, pid, host, started_at } = (json ?? {}) as Record<string, unknown>;
  if (lock !== LOCK_FORMAT || !Number.isSafeInteger(pid) || typeof host !== "string") return null;
  if (typeof started_at !== "string") return null;
  return { pid: pid as number, host, startedAt: started_at };
}

function isStale(found: { holder: RunLockHolder; file: FileIdentity }): boolean {
  const { holder } = found;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(idOf(found.file));
  return !isProcessAlive(holder.pid);
}

const idOf = (file: FileIdentity): string => `${file.dev}:${file.ino}`;

// A takeover claim left by a process that died in the instant it held one is cleared after this.
const ABANDONED_CLAIM_MS = 30_000;

/**
 * Removes the stale lock judged at `file`, unless another process replaced it meanwhile.
 * Taking over needs a claim: a second link to whatever lock is at `path` now, created under
 * one fixed name, so that only one process at a time can hold it. The claimant removes the
 * lock only when the claim is the stale lock itself; while it holds the claim no one else can
 * remove the lock, and its dead holder cannot release it, so the lock cannot change under it.
 * Renaming the lock aside instead (and back when it was not the stale one) lost a live lock
 * when a third writer took the empty name in between.
 */
async function removeIfUnchanged(path: string, file: FileIdentity): Promise<void> {
  const claim = `${path}.takeover`;
  try {
    await link(path, claim);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return; // released meanwhile
    if (code !== "EEXIST") throw error;
    await clearIfAbandoned(claim);
    await new Promise((resolve) => setTimeout(resolve, 5)); // another takeover is under way
    return;
  }
  try {
    const claimed = await lstat(claim);
    if (claimed.dev === file.dev && claimed.ino === file.ino) await unlink(path);
  } finally {
    await unlink(claim).catch(() => {});
  }
}

async function clearIfAbandoned(claim: string): Promise<void> {
  try {
    const { ctimeMs } = await lstat(claim);
    if (Date.now() - ctimeMs > ABANDONED_CLAIM_MS) await unlink(claim);
  } catch {
    // gone meanwhile
  }
}

function heldLock(path: string, file: FileIdentity): RunLock {
  let released = false;
  const forget = releaseAtExit(path, file);
  return {
    async release() {
      if (released) return;
      released = true;
      forget();
      heldHere.delete(idOf(file));
      try {
        // a lock taken over by someone else (this process was judged gone) is theirs now
        const now = await lstat(path);
        if (now.dev === file.dev && now.ino === file.ino) await unlink(path);
      } catch {
        // already gone
      }
    },
  };
}
