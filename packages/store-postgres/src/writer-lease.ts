import type { Database, QueryRunner } from "./database.js";
import { type RunWriter, RunWriterConflictError } from "./run-writer-conflict-error.js";

/** A claim on one run id: the row's token says the claim is still this process's. */
export interface WriterClaim {
  readonly runId: string;
  readonly token: string;
}

const LAPSED = "clock_timestamp() - make_interval(secs => $2::double precision / 1000)";

/**
 * The writer row of `runId` while its lease holds, or null. A holder that stopped
 * heartbeating for `leaseMs` (a killed process, a dead machine) no longer counts.
 */
export async function liveWriter(
  query: QueryRunner,
  schema: string,
  runId: string,
  leaseMs: number,
): Promise<(RunWriter & { token: string }) | null> {
  const { rows } = await query(
    `SELECT holder, token, acquired_at, heartbeat_at,
        heartbeat_at + make_interval(secs => $2::double precision / 1000) AS expires_at
      FROM ${schema}.ag2_eval_writers WHERE run_id = $1 AND heartbeat_at >= ${LAPSED}`,
    [runId, leaseMs],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    holder: String(row.holder),
    token: String(row.token),
    since: isoOf(row.acquired_at),
    heartbeatAt: isoOf(row.heartbeat_at),
    expiresAt: isoOf(row.expires_at),
  };
}

/**
 * Claims `runId` for `holder`: inserts the writer row, or takes over one whose lease lapsed.
 * A live claim of another holder is a {@link RunWriterConflictError} naming it.
 */
export async function claimWriter(
  db: Database,
  schema: string,
  options: { runId: string; holder: string; token: string; leaseMs: number },
): Promise<WriterClaim> {
  const { runId, holder, token, leaseMs } = options;
  for (let attempt = 0; ; attempt++) {
    const { rows } = await db.query(
      `claim run ${JSON.stringify(runId)}`,
      `INSERT INTO ${schema}.ag2_eval_writers AS w (run_id, holder, token, acquired_at, heartbeat_at)
        VALUES ($1, $3, $4, clock_timestamp(), clock_timestamp())
        ON CONFLICT (run_id) DO UPDATE SET holder = EXCLUDED.holder, token = EXCLUDED.token,
          acquired_at = EXCLUDED.acquired_at, heartbeat_at = EXCLUDED.heartbeat_at
        WHERE w.heartbeat_at < ${LAPSED}
        RETURNING token`,
      [runId, leaseMs, holder, token],
    );
    if (rows.length === 1) return { runId, token };
    const writer = await liveWriter(
      (text, values) => db.query(`read the writer of run ${JSON.stringify(runId)}`, text, values),
      schema,
      runId,
      leaseMs,
    );
    // the holder released or lapsed between the two statements: claim again
    if (writer === null && attempt < 3) continue;
    throw new RunWriterConflictError({
      runId,
      operation: "journal the run",
      writer: writer ?? {
        holder: "an unknown writer",
        since: "?",
        heartbeatAt: "?",
        expiresAt: "?",
      },
    });
  }
}

/**
 * Refuses `operation` on `runId` while a process other than the caller (whose claims'
 * tokens are `own`) holds a live claim on it. Runs inside the caller's transaction.
 */
export async function refuseOtherWriter(
  query: QueryRunner,
  schema: string,
  options: { runId: string; leaseMs: number; own: ReadonlySet<string>; operation: string },
): Promise<void> {
  const writer = await liveWriter(query, schema, options.runId, options.leaseMs);
  if (writer === null || options.own.has(writer.token)) return;
  throw new RunWriterConflictError({
    runId: options.runId,
    operation: options.operation,
    writer,
  });
}

/** Renews the claim; false when it was lost (another writer took over after it lapsed). */
export async function renewClaim(
  db: Database,
  schema: string,
  claim: WriterClaim,
): Promise<boolean> {
  const result = await db.query(
    `renew the claim on run ${JSON.stringify(claim.runId)}`,
    `UPDATE ${schema}.ag2_eval_writers SET heartbeat_at = clock_timestamp()
      WHERE run_id = $1 AND token = $2`,
    [claim.runId, claim.token],
  );
  return result.rowCount === 1;
}

/** Gives the run up; a claim already taken over by another writer is left alone. */
export async function releaseClaim(
  db: Database,
  schema: string,
  claim: WriterClaim,
): Promise<void> {
  await db.query(
    `release run ${JSON.stringify(claim.runId)}`,
    `DELETE FROM ${schema}.ag2_eval_writers WHERE run_id = $1 AND token = $2`,
    [claim.runId, claim.token],
  );
}

function isoOf(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
