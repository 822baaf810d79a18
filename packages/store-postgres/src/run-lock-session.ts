import type pg from "pg";
import { scrubPassword } from "./connection-target.js";
import type { Database, QueryRunner } from "./database.js";
import { PostgresStoreError } from "./postgres-store-error.js";
import { APPLICATION_PREFIX, lockHolder, runLockKey, UNKNOWN_WRITER } from "./run-lock-key.js";
import { type RunWriter, RunWriterConflictError } from "./run-writer-conflict-error.js";

/** How to take a run's lock. */
export interface RunLockRequest {
  readonly schema: string;
  readonly runId: string;
  /** The writer's name, shown to a process it blocks. */
  readonly holder: string;
  /** How long a vanished machine keeps the run: sets the server's keepalives on the session. */
  readonly leaseMs: number;
  /** What was asked, for a refusal (`journal the run`). */
  readonly operation: string;
}

/**
 * A run held by this process: a connection of its own whose server session holds the run's
 * advisory lock. The lock lives exactly as long as the session, so a killed process frees the
 * run at once, and every write of the held run goes through this connection, so none can land
 * once the lock is lost. Statements run one after another (a transaction never interleaves
 * with a journal insert).
 */
export class RunLockSession {
  readonly runId: string;
  /** This session as a holder: what a second writer in this process is told. */
  readonly writer: RunWriter;
  readonly #db: Database;
  readonly #client: pg.Client;
  #queue: Promise<unknown> = Promise.resolve();
  #lost: unknown = null;
  #released = false;

  private constructor(db: Database, client: pg.Client, runId: string, writer: RunWriter) {
    this.#db = db;
    this.#client = client;
    this.runId = runId;
    this.writer = writer;
    const lose = (error?: unknown): void => {
      this.#lost ??= error ?? new Error("the connection ended");
    };
    client.on("error", lose);
    client.on("end", lose);
  }

  /** Takes run `runId`, or rejects with a {@link RunWriterConflictError} naming its holder. */
  static async acquire(db: Database, request: RunLockRequest): Promise<RunLockSession> {
    const { runId, holder, leaseMs } = request;
    const operation = `lock run ${JSON.stringify(runId)}`;
    const client = await db.connect(operation, `${APPLICATION_PREFIX}${holder}`);
    try {
      const key = runLockKey(request.schema, runId);
      // the server probes a silent client's socket: a dead machine's session, and its lock,
      // end about leaseMs after its last word (a killed process's end at once)
      const idle = Math.ceil(leaseMs / 3000);
      const interval = Math.ceil((2 * leaseMs) / 9000);
      const { rows } = await client.query(
        `SELECT set_config('tcp_keepalives_idle', $2, false),
          set_config('tcp_keepalives_interval', $3, false),
          set_config('tcp_keepalives_count', '3', false),
          pg_try_advisory_lock($1::bigint) AS got, pg_backend_pid() AS pid,
          (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()) AS since`,
        [key, String(idle), String(interval)],
      );
      const row = rows[0] as { got: boolean; pid: number; since: unknown };
      if (!row.got) {
        const writer = await lockHolder(
          (text, values) => client.query(text, values as unknown[]),
          key,
        );
        throw new RunWriterConflictError({
          runId,
          operation: request.operation,
          writer: writer ?? UNKNOWN_WRITER,
        });
      }
      const since = row.since instanceof Date ? row.since.toISOString() : new Date().toISOString();
      return new RunLockSession(db, client, runId, { holder, pid: row.pid, since });
    } catch (error) {
      await client.end().catch(() => undefined);
      if (RunWriterConflictError.isInstance(error)) throw error;
      throw db.failure(operation, error, false);
    }
  }

  /** One statement on the session. */
  query(operation: string, text: string, values?: readonly unknown[]): Promise<pg.QueryResult> {
    return this.#serial(operation, async () => {
      try {
        return await this.#client.query(text, values as unknown[] | undefined);
      } catch (error) {
        throw this.#db.failure(operation, this.#lost ?? error, false);
      }
    });
  }

  /** `work` in one transaction on the session. */
  transaction<T>(operation: string, work: (query: QueryRunner) => Promise<T>): Promise<T> {
    return this.#serial(operation, () => this.#db.transactionOn(this.#client, operation, work));
  }

  /** Frees the run: the session ends, and its lock with it. Calling it again does nothing. */
  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    await this.#queue.catch(() => undefined);
    await this.#client.end().catch(() => undefined);
  }

  #serial<T>(operation: string, work: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#released || this.#lost !== null) throw this.#lostError(operation);
      return work();
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #lostError(operation: string): PostgresStoreError {
    const cause = this.#lost;
    const why = this.#released
      ? "this process released the run"
      : `the connection holding the run's lock closed (${scrubPassword(cause instanceof Error ? cause.message : String(cause), this.#db.target.password)}), so the lock is gone and another process may have taken the run`;
    return new PostgresStoreError({
      target: this.#db.target.display,
      operation,
      reason: why,
      ...(cause instanceof Error ? { cause } : {}),
    });
  }
}
