import { groupCommitJournal, type RunJournal, taskResultToJSON } from "@ag2/eval-core/internal";
import { PostgresStoreError } from "./postgres-store-error.js";
import type { RunLockSession } from "./run-lock-session.js";

/** One task's row before its sequence number. */
interface TaskRow {
  readonly taskId: string;
  readonly body: string;
}

/** Rows per insert: bounds one statement's parameters when a backlog built up. */
const ROWS_PER_INSERT = 1000;

/**
 * The journal of one locked run: each graded task becomes a row. Appends that arrive while
 * an insert is in flight go together in the next one (one round trip and one commit per
 * batch), and an append resolves only once its row is committed. Every insert goes through
 * the session holding the run's lock, so once that session is gone (and another process may
 * have taken the run) no row can be added.
 */
export function postgresJournal(options: {
  readonly session: RunLockSession;
  readonly schema: string;
  /** `host:port/database`, for errors. */
  readonly target: string;
  /** The sequence number of the next row (after the rows of a resumed journal). */
  readonly nextSeq: number;
  /** Called once the last insert finished (to release a lock the journal took). */
  readonly onClose: () => Promise<void>;
}): RunJournal {
  const { session, schema } = options;
  const runId = session.runId;
  const runName = JSON.stringify(runId);
  let seq = options.nextSeq;

  async function insert(rows: readonly TaskRow[]): Promise<void> {
    const seqs = rows.map(() => seq++);
    await session.query(
      `journal ${rows.length} task(s) of run ${runName}`,
      `INSERT INTO ${schema}.ag2_eval_journal_tasks (run_id, seq, task_id, body)
        SELECT $1, u.seq, u.task_id, u.body
        FROM unnest($2::integer[], $3::text[], $4::text[]) AS u(seq, task_id, body)`,
      [runId, seqs, rows.map((row) => row.taskId), rows.map((row) => row.body)],
    );
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
        target: options.target,
        operation: `journal a task of run ${runName}`,
        reason: "the journal is closed",
      }),
    release: () => options.onClose(),
  });
}
