import { groupCommitJournal, type RunJournal, taskResultToJSON } from "@ag2/eval-core/internal";
import type { Database } from "./database.js";
import { PostgresStoreError } from "./postgres-store-error.js";
import { RunWriterConflictError } from "./run-writer-conflict-error.js";
import { liveWriter, releaseClaim, renewClaim, type WriterClaim } from "./writer-lease.js";

/** One task's row before its sequence number. */
interface TaskRow {
  readonly taskId: string;
  readonly body: string;
}

/** Rows per insert: bounds one statement's parameters when a backlog built up. */
const ROWS_PER_INSERT = 1000;

/**
 * The journal of one claimed run: each graded task becomes a row. Appends that arrive while
 * an insert is in flight go together in the next one (one round trip and one commit per
 * batch), and an append resolves only once its row is committed. Every insert renews the
 * claim in the same statement and writes nothing when the claim was lost, so a writer whose
 * lease lapsed can never add rows to the run another writer took over. Between inserts a
 * timer renews the claim every third of the lease.
 */
export function postgresJournal(options: {
  readonly db: Database;
  readonly schema: string;
  readonly claim: WriterClaim;
  readonly leaseMs: number;
  /** The sequence number of the next row (after the rows of a resumed journal). */
  readonly nextSeq: number;
  readonly onClose: () => void;
}): RunJournal {
  const { db, schema, claim, leaseMs } = options;
  const runName = JSON.stringify(claim.runId);
  let seq = options.nextSeq;
  let lost: Error | null = null;
  let lapsed = false;

  const heartbeat = setInterval(() => {
    renewClaim(db, schema, claim).then(
      (held) => {
        if (!held) lapsed = true;
      },
      () => {}, // a failed heartbeat is retried by the next one; appends report real trouble
    );
  }, leaseMs / 3);
  heartbeat.unref();

  async function lostError(): Promise<Error> {
    const writer = await liveWriter(
      (text, values) => db.query(`read the writer of run ${runName}`, text, values),
      schema,
      claim.runId,
      leaseMs,
    ).catch(() => null);
    return new RunWriterConflictError({
      runId: claim.runId,
      operation: "append to the journal (this writer's lease lapsed and the run was taken over)",
      writer: writer ?? { holder: "another writer", since: "?", heartbeatAt: "?", expiresAt: "?" },
    });
  }

  async function insert(rows: readonly TaskRow[]): Promise<void> {
    if (lapsed) lost ??= await lostError();
    if (lost) throw lost;
    const seqs = rows.map(() => seq++);
    const result = await db.query(
      `journal ${rows.length} task(s) of run ${runName}`,
      `WITH held AS (
          UPDATE ${schema}.ag2_eval_writers SET heartbeat_at = clock_timestamp()
          WHERE run_id = $1 AND token = $2 RETURNING run_id)
        INSERT INTO ${schema}.ag2_eval_journal_tasks (run_id, seq, task_id, body)
        SELECT held.run_id, u.seq, u.task_id, u.body
        FROM held, unnest($3::integer[], $4::text[], $5::text[]) AS u(seq, task_id, body)`,
      [claim.runId, claim.token, seqs, rows.map((row) => row.taskId), rows.map((row) => row.body)],
    );
    if (result.rowCount !== rows.length) {
      lost = await lostError();
      throw lost;
    }
  }

  return groupCommitJournal<TaskRow>({
    maxBatch: ROWS_PER_INSERT,
    encode: (result) => ({
      taskId: result.task.taskId,
      body: JSON.stringify(taskResultToJSON(result)),
    }),
    commit: insert,
    closedError: () =>
      new PostgresStoreError({
        target: db.target.display,
        operation: `journal a task of run ${runName}`,
        reason: "the journal is closed",
      }),
    async release() {
      clearInterval(heartbeat);
      options.onClose();
      await releaseClaim(db, schema, claim);
    },
  });
}
