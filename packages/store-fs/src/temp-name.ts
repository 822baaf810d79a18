import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { processRegistry } from "./process-registry.js";

/**
 * This machine, shortened: temporary names carry it so that a store folder shared between
 * machines (a network drive) never has one machine judge another's writer by a local pid.
 */
export const HOST_TAG = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);

/** `.<name>.<pid>-<host>.<random>.tmp`; names written before the host tag lack `-<host>`. */
const TEMP_NAME = /^\..+\.(\d+)(?:-([0-9a-f]{8}))?\.[0-9a-f]{12}\.tmp$/;

/**
 * The temporary name used while writing `path`: hidden (leading dot), in the same folder so
 * the rename stays on one file system, unique per process and call, and carrying the writer's
 * pid and host so that a later writer can tell a dead writer's leftover from work in progress.
 */
export function tempPathFor(path: string): string {
  const suffix = `${process.pid}-${HOST_TAG}.${randomBytes(6).toString("hex")}.tmp`;
  const name = `.${basename(path)}.${suffix}`;
  inUse.add(name);
  return join(dirname(path), name);
}

/** Marks a temporary path as finished with (renamed or removed). */
export function tempPathDone(path: string): void {
  inUse.delete(basename(path));
}

// A container's process often has the same pid on every start (1, say): a temporary file
// with this process's pid is only ours when this process named it.
const inUse = processRegistry("temp-names");

/**
 * True when `name` is a temporary file of a writer that is gone: one on this machine whose
 * process no longer exists, or one with this process's pid that this process did not name.
 */
export function isStaleTempName(name: string, alive: (pid: number) => boolean): boolean {
  const match = TEMP_NAME.exec(name);
  if (!match) return false;
  const local = match[2] === undefined || match[2] === HOST_TAG;
  if (!local) return false;
  const pid = Number(match[1]);
  return pid === process.pid ? !inUse.has(name) : !alive(pid);
}
