import type { TaskResult } from "@ag2/eval-core";
import { type RunJournal, taskResultToJSON } from "@ag2/eval-core/internal";
import type { Database } from "./database.js";
import { PostgresStoreError } from "./postgres-store-error.js";
import { RunWriterConflictError } from "./run-writer-conflict-error.js";
import { liveWriter, releaseClaim, renewClaim, type WriterClaim } from "./writer-lease.js";

interface Pending {
  readonly result: TaskResult;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
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
  let queued: Pending[] = [];
  let flushing: Promise<void> | null = null;
  let closed = false;
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

  async function insert(rows: readonly Pending[], bodies: string[]): Promise<void> {
    const seqs = rows.map(() => seq++);
    const result = await db.query(
      `journal ${rows.length} task(s) of run ${runName}`,
      `WITH held AS (
          UPDATE ${schema}.ag2_eval_writers SET heartbeat_at = clock_timestamp()
          WHERE run_id = $1 AND token = $2 RETURNING run_id)
        INSERT INTO ${schema}.ag2_eval_journal_tasks (run_id, seq, task_id, body)
        SELECT held.run_id, u.seq, u.task_id, u.body
        FROM held, unnest($3::integer[], $4::text[], $5::text[]) AS u(seq, task_id, body)`,
      [claim.runId, claim.token, seqs, rows.map((row) => row.result.task.taskId), bodies],
    );
    if (result.rowCount !== rows.length) {
      lost = await lostError();
      throw lost;
    }
  }

  async function writeBatch(batch: readonly Pending[]): Promise<void> {
    for (let start = 0; start < batch.length; start += ROWS_PER_INSERT) {
      const rows: Pending[] = [];
      const bodies: string[] = [];
      for (const pending of batch.slice(start, start + ROWS_PER_INSERT)) {
        try {
          bodies.push(JSON.stringify(taskResultToJSON(pending.result)));
          rows.push(pending);
        } catch (error) {
          pending.reject(error); // a result that cannot be written fails alone
        }
      }
      if (rows.length === 0) continue;
      try {
        if (lapsed) lost ??= await lostError();
        if (lost) throw lost;
        await insert(rows, bodies);
      } catch (error) {
        for (const pending of rows) pending.reject(error);
        continue;
      }
      for (const pending of rows) pending.resolve();
    }
  }

  async function drain(): Promise<void> {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      await writeBatch(batch);
    }
    flushing = null;
  }

  return {
    append(result: TaskResult): Promise<void> {
      if (closed) {
        return Promise.reject(
          new PostgresStoreError({
            target: db.target.display,
            operation: `journal a task of run ${runName}`,
            reason: "the journal is closed",
          }),
        );
      }
      return new Promise<void>((resolve, reject) => {
        queued.push({ result, resolve, reject });
        flushing ??= drain();
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      await flushing;
      options.onClose();
      await releaseClaim(db, schema, claim);
    },
  };
}
