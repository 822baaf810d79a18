import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { InvalidOptionError, type RunInfo, type RunResult, type RunStore } from "@ag2/eval-core";
import type { JournalContents, JournalHeader, RunJournal } from "@ag2/eval-core/internal";
import { parseConnectionString } from "./connection-target.js";
import { Database, type QueryRunner } from "./database.js";
import { readJournalRows, startJournalRows } from "./journal-statements.js";
import { migrate, quoteIdentifier, schemaNameProblem } from "./migrate.js";
import { MIGRATIONS } from "./migrations.js";
import { postgresJournal } from "./postgres-journal.js";
import {
  checkedRunId,
  type PostgresRunStoreOptions,
  positive,
} from "./postgres-run-store-options.js";
import { PostgresRunNotFoundError } from "./run-not-found-error.js";
import { LISTING_COLUMNS, NEWEST_FIRST, runInfoFromRow, runRows } from "./run-rows.js";
import { readRun, writeRun } from "./run-statements.js";
import { type TrendPoint, trendPointOf } from "./trend-point.js";
import { claimWriter, refuseOtherWriter, releaseClaim } from "./writer-lease.js";

/**
 * A {@link RunStore} on PostgreSQL. Each run is a row holding its listing fields (indexed
 * newest first, overall and per label, so `list`, `latest` and `trend` never read a task)
 * and one row per task; `save` writes them in one transaction, so readers see the whole run
 * or none of it. A run in progress keeps a journal of one row per graded task, so a run
 * killed on one machine resumes on another, and one writer per run id holds a claim on it.
 * The tables are created or migrated on first use.
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
  readonly #leaseMs: number;
  readonly #writerName: string;
  readonly #own = new Set<string>();
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

  async save(result: RunResult): Promise<void> {
    const runId = checkedRunId(result.runId);
    const rows = runRows(result);
    await this.ready();
    const s = this.#s;
    const operation = `save run ${JSON.stringify(runId)}`;
    await this.#db.transaction(operation, async (query) => {
      await this.#refuseOthers(query, runId, operation);
      await writeRun(query, s, rows);
    });
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
    const operation = `delete run ${JSON.stringify(runId)}`;
    const removed = await this.#db.transaction(operation, async (query) => {
      await this.#refuseOthers(query, runId, operation);
      const run = await query(`DELETE FROM ${s}.ag2_eval_runs WHERE run_id = $1`, [runId]);
      const journal = await query(`DELETE FROM ${s}.ag2_eval_journals WHERE run_id = $1`, [runId]);
      return (run.rowCount ?? 0) + (journal.rowCount ?? 0);
    });
    if (removed === 0) throw this.#notFound(runId);
  }

  /**
   * Claims the run (a {@link RunWriterConflictError} naming the holder when another process
   * has it) and starts recording it. A journal with the same header (run id, start time, task
   * ids), as when `runAgent` resumes, continues; any other journal under that id is replaced.
   * `close()` gives the claim up.
   */
  async openJournal(header: JournalHeader): Promise<RunJournal> {
    const runId = checkedRunId(header.runId);
    await this.ready();
    const s = this.#s;
    const db = this.#db;
    const token = randomUUID();
    const claim = await claimWriter(db, s, {
      runId,
      holder: this.#writerName,
      token,
      leaseMs: this.#leaseMs,
    });
    this.#own.add(token);
    try {
      const nextSeq = await db.transaction(
        `open the journal of run ${JSON.stringify(runId)}`,
        (query) => startJournalRows(query, s, { header, target: db.target.display }),
      );
      return postgresJournal({
        db,
        schema: s,
        claim,
        leaseMs: this.#leaseMs,
        nextSeq,
        onClose: () => this.#own.delete(token),
      });
    } catch (error) {
      this.#own.delete(token);
      await releaseClaim(db, s, claim).catch(() => undefined);
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
    await this.#db.transaction(operation, async (query) => {
      await this.#refuseOthers(query, runId, operation);
      await query(`DELETE FROM ${s}.ag2_eval_journals WHERE run_id = $1`, [runId]);
    });
  }

  /** Closes the store's connections; the store cannot be used afterwards. */
  async close(): Promise<void> {
    await this.#db.close();
  }

  /** Refuses `operation` while another process holds a live claim on the run. */
  #refuseOthers(query: QueryRunner, runId: string, operation: string): Promise<void> {
    const own = this.#own;
    return refuseOtherWriter(query, this.#s, { runId, leaseMs: this.#leaseMs, own, operation });
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
