import type { Database, QueryRunner } from "./database.js";
import { lockHolder, runLockKey, UNKNOWN_WRITER } from "./run-lock-key.js";
import { RunLockSession } from "./run-lock-session.js";
import { RunWriterConflictError } from "./run-writer-conflict-error.js";

/** The runs one store holds, with the sessions holding their locks, and writes under them. */
export class RunLocks {
  readonly #db: Database;
  readonly #options: { schema: string; holder: string; leaseMs: number };
  readonly #held = new Map<string, RunLockSession>();

  constructor(db: Database, options: { schema: string; holder: string; leaseMs: number }) {
    this.#db = db;
    this.#options = options;
  }

  /** The session holding `runId` for this store, if it does. */
  held(runId: string): RunLockSession | undefined {
    return this.#held.get(runId);
  }

  /** Takes `runId`, or rejects with a {@link RunWriterConflictError} naming its holder. */
  async acquire(runId: string, operation: string): Promise<RunLockSession> {
    const mine = this.#held.get(runId);
    // a session gets a lock it holds again as often as it asks: a second writer here is refused here
    if (mine) throw new RunWriterConflictError({ runId, operation, writer: mine.writer });
    const session = await RunLockSession.acquire(this.#db, { ...this.#options, runId, operation });
    this.#held.set(runId, session);
    return session;
  }

  /** Frees `session`'s run. */
  async release(session: RunLockSession): Promise<void> {
    if (this.#held.get(session.runId) === session) this.#held.delete(session.runId);
    await session.release();
  }

  async releaseAll(): Promise<void> {
    const sessions = [...this.#held.values()];
    this.#held.clear();
    await Promise.all(sessions.map((session) => session.release()));
  }

  /**
   * Runs `work` in one transaction that holds the run: on the session of this store's lock,
   * or on a pooled connection that takes the lock until it commits, refused (naming the
   * holder) when another process has it.
   */
  write<T>(runId: string, operation: string, work: (query: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.#held.get(runId);
    if (session) return session.transaction(operation, work);
    const key = runLockKey(this.#options.schema, runId);
    return this.#db.transaction(operation, async (query) => {
      const { rows } = await query("SELECT pg_try_advisory_xact_lock($1::bigint) AS got", [key]);
      if (rows[0]?.got !== true) {
        const writer = (await lockHolder(query, key)) ?? UNKNOWN_WRITER;
        throw new RunWriterConflictError({ runId, operation, writer });
      }
      return work(query);
    });
  }
}
