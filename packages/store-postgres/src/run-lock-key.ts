import { createHash } from "node:crypto";
import type { QueryRunner } from "./database.js";
import type { RunWriter } from "./run-writer-conflict-error.js";

/** What the store's sessions call themselves; the rest of `application_name` is the writer. */
export const APPLICATION_PREFIX = "ag2-eval ";

/**
 * The advisory lock key of run `runId` in `schema`, as PostgreSQL's bigint text: 64 bits of a
 * hash, so that ids of any length map onto the lock space and other schemas' runs (and other
 * applications' locks) practically never share a key.
 */
export function runLockKey(schema: string, runId: string): string {
  const digest = createHash("sha256").update(`ag2-eval run\0${schema}\0${runId}`).digest();
  return digest.readBigInt64BE(0).toString();
}

/**
 * The session holding the advisory lock `key` in this database, named by its application
 * name; null when none does (it was released meanwhile).
 */
export async function lockHolder(query: QueryRunner, key: string): Promise<RunWriter | null> {
  // a bigint key is recorded as its high and low 32 bits (classid, objid) with objsubid 1
  const { rows } = await query(
    `SELECT l.pid, a.application_name, a.backend_start
      FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = (($1::bigint >> 32) & 4294967295)::oid
        AND l.objid = ($1::bigint & 4294967295)::oid
      LIMIT 1`,
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  const name = typeof row.application_name === "string" ? row.application_name : "";
  return {
    holder: name.startsWith(APPLICATION_PREFIX)
      ? name.slice(APPLICATION_PREFIX.length)
      : name || "an unnamed session",
    pid: typeof row.pid === "number" ? row.pid : null,
    since: row.backend_start instanceof Date ? row.backend_start.toISOString() : "?",
  };
}

/** The holder to name when the lock is taken but the holder could not be read. */
export const UNKNOWN_WRITER: RunWriter = { holder: "an unknown writer", pid: null, since: "?" };
