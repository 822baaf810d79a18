import { hostname } from "node:os";
import { InvalidOptionError, type RunInfo, type RunResult, type RunStore } from "@ag2/eval-core";
import type { JournalContents, JournalHeader, RunJournal, RunLock } from "@ag2/eval-core/internal";
import { parseConnectionString } from "./connection-target.js";
import { Database } from "./database.js";
import { readJournalRows, startJournalRows } from "./journal-statements.js";
import { migrate, quoteIdentifier, schemaNameProblem } from "./migrate.js";
import { MIGRATIONS } from "./migrations.js";
import { postgresJournal } from "./postgres-journal.js";
import {
  checkedRunId,
  type PostgresRunStoreOptions,
  positive,
} from "./postgres-run-store-options.js";
import { APPLICATION_PREFIX } from "./run-lock-key.js";
import { RunLocks } from "./run-locks.js";
import { PostgresRunNotFoundError } from "./run-not-found-error.js";
import { LISTING_COLUMNS, NEWEST_FIRST, runInfoFromRow, runRows } from "./run-rows.js";
import { readRun, writeRun } from "./run-statements.js";
import { type TrendPoint, trendPointOf } from "./trend-point.js";

/**
 * A {@link RunStore} on PostgreSQL. Each run is a row holding its listing fields (indexed
 * newest first, overall and per label, so `list`, `latest` and `trend` never read a task)
 * and one row per task; `save` writes them in one transaction, so readers see the whole run
 * or none of it. A run in progress keeps a journal of one row per graded task, so a run
 * killed on one machine resumes on another. One writer per run id: `lock` holds a PostgreSQL
 * advisory lock for as long as the writer's connection lives. The tables are created or
 * migrated on first use.
 *
 * @example
 * ```ts
 * const store = new PostgresRunStore({ connectionString: process.env.AG2_EVAL_STORE! });
 * await runAgent(suite, { agent, scorers, store, tracing, label: "nightly" });
 * const latest = await store.latest("nightly");
 * await store.close();
 * ```
 */
export class PostgresRunStore implements RunStore {
  /** The PostgreSQL schema holding the tables. */
  readonly schema: string;
  readonly #db: Database;
  readonly #s: string;
  /** How long a vanished machine's lock outlives it (the lock session's keepalives). */
  readonly #leaseMs: number;
  readonly #writerName: string;
  readonly #locks: RunLocks;
  #ready: Promise<number> | null = null;

  constructor(options: PostgresRunStoreOptions) {
    const target = parseConnectionString(options.connectionString);
    this.schema = options.schema ?? "public";
    const problem = schemaNameProblem(this.schema);
    if (problem) throw new InvalidOptionError("schema", `PostgreSQL run store: schema: ${problem}`);
    this.#s = quoteIdentifier(this.schema);
    this.#leaseMs = positive("writerLeaseMs", options.writerLeaseMs, 30_000);
    this.#writerName = options.writerName ?? `${hostname()}:${process.pid}`;
    this.#db = new Database(target, {
      connectTimeoutMs: positive("connectTimeoutMs", options.connectTimeoutMs, 10_000),
      queryTimeoutMs: positive("queryTimeoutMs", options.queryTimeoutMs, 60_000),
      maxConnections: positive("maxConnections", options.maxConnections, 4),
      applicationName: `${APPLICATION_PREFIX}${this.#writerName}`,
    });
    this.#locks = new RunLocks(this.#db, {
      schema: this.schema,
      holder: this.#writerName,
      leaseMs: this.#leaseMs,
    });
  }

  /** `postgres://host:port/database#schema`: where the runs are, without any password. */
  get location(): string {
    return `postgres://${this.#db.target.display}#${this.schema}`;
  }

  /** Creates or migrates the tables now rather than on the first call; resolves to the version found. */
  ready(): Promise<number> {
    this.#ready ??= migrate(this.#db, this.schema, MIGRATIONS).catch((error: unknown) => {
      this.#ready = null; // a server that was down may be up on the next call
      throw error;
    });
    return this.#ready;
  }

  /** Saves the run in one transaction; refused while another process holds the run. */
  async save(result: RunResult): Promise<void> {
    const runId = checkedRunId(result.runId);
    const rows = runRows(result);
    await this.ready();
    const s = this.#s;
    await this.#locks.write(runId, `save run ${JSON.stringify(runId)}`, (query) =>
      writeRun(query, s, rows),
    );
  }

  async load(runId: string): Promise<RunResult> {
    await this.ready();
    const source = `run ${JSON.stringify(runId)} in ${this.location}`;
    const run = await readRun(this.#db, this.#s, { runId, source });
    if (!run) throw this.#notFound(runId);
    return run;
  }

  /** Newest first; with `label`, only runs carrying it; with `limit`, at most that many. */
  async list(options: { label?: string; limit?: number } = {}): Promise<RunInfo[]> {
    await this.ready();
    const values: unknown[] = [];
    let where = "";
    if (options.label !== undefined) {
      values.push(options.label);
      where = "WHERE label = $1";
    }
    let limit = "";
    if (options.limit !== undefined) {
      values.push(positive("limit", options.limit, 1));
      limit = `LIMIT $${values.length}`;
    }
    const { rows } = await this.#db.query(
      options.label === undefined
        ? "list runs"
        : `list runs labelled ${JSON.stringify(options.label)}`,
      `SELECT ${LISTING_COLUMNS} FROM ${this.#s}.ag2_eval_runs ${where} ORDER BY ${NEWEST_FIRST} ${limit}`,
      values,
    );
    return rows.map(runInfoFromRow);
  }

  /** The newest run carrying `label`, or null: one index lookup however many runs there are. */
  async latest(label: string): Promise<RunInfo | null> {
    return (await this.list({ label, limit: 1 }))[0] ?? null;
  }

  /** The runs carrying `label`, oldest to newest, with their pass rates and score means. */
  async trend(label: string): Promise<TrendPoint[]> {
    return (await this.list({ label })).reverse().map(trendPointOf);
  }

  /** Removes the run and its journal; rejects when neither exists, or another process writes it. */
  async delete(runId: string): Promise<void> {
    await this.ready();
    const s = this.#s;
    const removed = await this.#locks.write(
      runId,
      `delete run ${JSON.stringify(runId)}`,
      async (query) => {
        const run = await query(`DELETE FROM ${s}.ag2_eval_runs WHERE run_id = $1`, [runId]);
        const journal = await query(`DELETE FROM ${s}.ag2_eval_journals WHERE run_id = $1`, [
          runId,
        ]);
        return (run.rowCount ?? 0) + (journal.rowCount ?? 0);
      },
    );
    if (removed === 0) throw this.#notFound(runId);
  }

  /** True when a saved run or a journal has this id: one indexed lookup, nothing read. */
  async exists(runId: string): Promise<boolean> {
    await this.ready();
    const s = this.#s;
    const { rows } = await this.#db.query(
      `look for run ${JSON.stringify(runId)}`,
      `SELECT EXISTS (SELECT 1 FROM ${s}.ag2_eval_runs WHERE run_id = $1)
        OR EXISTS (SELECT 1 FROM ${s}.ag2_eval_journals WHERE run_id = $1) AS found`,
      [runId],
    );
    return rows[0]?.found === true;
  }

  /**
   * Takes run `runId` for this process until `release()`: a connection of its own holds the
   * run's PostgreSQL advisory lock, so the run is free again the moment this process releases
   * it, ends or is killed (a vanished machine's, once the server's keepalives give up on it,
   * about `writerLeaseMs`). While it is held, the run's writes from this store go through that
   * connection, and any other process's lock, journal, save, delete or discard of the run is
   * a {@link RunWriterConflictError} naming this one. `runAgent` holds it from before the
   * journal opens until the run is saved.
   *
   * @example
   * ```ts
   * const lock = await store.lock("nightly-42");
   * try { await store.save(result); } finally { await lock.release(); }
   * ```
   */
  async lock(runId: string): Promise<RunLock> {
    checkedRunId(runId);
    await this.ready();
    const session = await this.#locks.acquire(runId, "lock the run");
    return { release: () => this.#locks.release(session) };
  }

  /**
   * Starts recording a run. A journal with the same header (run id, start time, task ids), as
   * when `runAgent` resumes, continues; any other journal under that id is replaced. A run
   * this store has not locked is locked until the journal closes (a
   * {@link RunWriterConflictError} naming the holder when another process has it).
   */
  async openJournal(header: JournalHeader): Promise<RunJournal> {
    const runId = checkedRunId(header.runId);
    await this.ready();
    const s = this.#s;
    const db = this.#db;
    const held = this.#locks.held(runId);
    const session = held ?? (await this.#locks.acquire(runId, "journal the run"));
    const release = async (): Promise<void> => {
      if (!held) await this.#locks.release(session);
    };
    try {
      const nextSeq = await session.transaction(
        `open the journal of run ${JSON.stringify(runId)}`,
        (query) => startJournalRows(query, s, { header, target: db.target.display }),
      );
      return postgresJournal({
        session,
        schema: s,
        target: db.target.display,
        nextSeq,
        onClose: release,
      });
    } catch (error) {
      await release();
      throw error;
    }
  }

  async readJournal(runId: string): Promise<JournalContents | null> {
    await this.ready();
    return readJournalRows(this.#db, this.#s, { runId, location: this.location });
  }

  /** Removes the run's journal (a missing one is fine); refused while another process writes it. */
  async discardJournal(runId: string): Promise<void> {
    await this.ready();
    const s = this.#s;
    const operation = `discard the journal of run ${JSON.stringify(runId)}`;
    await this.#locks.write(runId, operation, async (query) => {
      await query(`DELETE FROM ${s}.ag2_eval_journals WHERE run_id = $1`, [runId]);
    });
  }

  /** Releases the runs this store holds and closes its connections; the store cannot be used afterwards. */
  async close(): Promise<void> {
    await this.#locks.releaseAll();
    await this.#db.close();
  }

  #notFound(runId: string): PostgresRunNotFoundError {
    return new PostgresRunNotFoundError({
      runId,
      target: this.#db.target.display,
      schema: this.schema,
    });
  }
}

/**
 * A {@link PostgresRunStore}, from a connection string or options.
 *
 * @example
 * ```ts
 * const store = postgresRunStore("postgres://ci@db.internal/evals");
 * ```
 */
export function postgresRunStore(options: string | PostgresRunStoreOptions): PostgresRunStore {
  return new PostgresRunStore(
    typeof options === "string" ? { connectionString: options } : options,
  );
}
