import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import {
  InvalidOptionError,
  type JournalContents,
  type JournalHeader,
  type RunInfo,
  type RunJournal,
  type RunResult,
  type RunStore,
  runIdProblem,
  taskResultFromJSON,
} from "@ag2/eval-core";
import { parseConnectionString } from "./connection-target.js";
import { Database } from "./database.js";
import { headerFromText, headerText, sameHeader } from "./journal-header-row.js";
import { migrate, quoteIdentifier, schemaNameProblem } from "./migrate.js";
import { MIGRATIONS } from "./migrations.js";
import type { PostgresRunStoreOptions } from "./postgres-run-store-options.js";
import { postgresJournal } from "./postgres-journal.js";
import { PostgresRunNotFoundError } from "./run-not-found-error.js";
import { LISTING_COLUMNS, NEWEST_FIRST, RUN_COLUMNS, runFromRows, runInfoFromRow, runRows } from "./run-rows.js";
import { type TrendPoint, trendPointOf } from "./trend-point.js";
import { claimWriter, refuseOtherWriter, releaseClaim } from "./writer-lease.js";

const TASKS_PER_INSERT = 2000;

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
      await refuseOtherWriter(query, s, { runId, leaseMs: this.#leaseMs, own: this.#own, operation });
      const columns = RUN_COLUMNS.split(", ");
      await query(
        `INSERT INTO ${s}.ag2_eval_runs (${RUN_COLUMNS}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})
          ON CONFLICT (run_id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(", ")},
            saved_at = clock_timestamp()`,
        rows.run,
      );
      await query(`DELETE FROM ${s}.ag2_eval_run_tasks WHERE run_id = $1`, [runId]);
      for (let start = 0; start < rows.bodies.length; start += TASKS_PER_INSERT) {
        const end = Math.min(start + TASKS_PER_INSERT, rows.bodies.length);
        await query(
          `INSERT INTO ${s}.ag2_eval_run_tasks (run_id, position, task_id, body)
            SELECT $1, u.position, u.task_id, u.body
            FROM unnest($2::integer[], $3::text[], $4::text[]) AS u(position, task_id, body)`,
          [
            runId,
            Array.from({ length: end - start }, (_, i) => start + i),
            rows.taskIds.slice(start, end),
            rows.bodies.slice(start, end),
          ],
        );
      }
    });
  }

  async load(runId: string): Promise<RunResult> {
    await this.ready();
    const s = this.#s;
    const { rows } = await this.#db.query(
      `load run ${JSON.stringify(runId)}`,
      `SELECT r.head, (SELECT string_agg(t.body, ',' ORDER BY t.position)
          FROM ${s}.ag2_eval_run_tasks t WHERE t.run_id = r.run_id) AS tasks
        FROM ${s}.ag2_eval_runs r WHERE r.run_id = $1`,
      [runId],
    );
    const row = rows[0];
    if (!row) throw this.#notFound(runId);
    return runFromRows(row.head, row.tasks, `run ${JSON.stringify(runId)} in ${this.location}`);
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
      options.label === undefined ? "list runs" : `list runs labelled ${JSON.stringify(options.label)}`,
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
      await refuseOtherWriter(query, s, { runId, leaseMs: this.#leaseMs, own: this.#own, operation });
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
      const nextSeq = await db.transaction(`open the journal of run ${JSON.stringify(runId)}`, async (query) => {
        const { rows } = await query(`SELECT header FROM ${s}.ag2_eval_journals WHERE run_id = $1 FOR UPDATE`, [runId]);
        const existing = rows[0] ? headerFromText(rows[0].header, { target: db.target.display, runId }) : null;
        if (existing && sameHeader(existing, header)) {
          const last = await query(
            `SELECT coalesce(max(seq), 0) AS seq FROM ${s}.ag2_eval_journal_tasks WHERE run_id = $1`,
            [runId],
          );
          return Number(last.rows[0]?.seq ?? 0) + 1;
        }
        await query(`DELETE FROM ${s}.ag2_eval_journals WHERE run_id = $1`, [runId]);
        await query(`INSERT INTO ${s}.ag2_eval_journals (run_id, header) VALUES ($1, $2)`, [runId, headerText(header)]);
        return 1;
      });
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
    const s = this.#s;
    const { rows } = await this.#db.query(
      `read the journal of run ${JSON.stringify(runId)}`,
      `SELECT j.header, (SELECT string_agg(t.body, ',' ORDER BY t.seq)
          FROM ${s}.ag2_eval_journal_tasks t WHERE t.run_id = j.run_id) AS tasks
        FROM ${s}.ag2_eval_journals j WHERE j.run_id = $1`,
      [runId],
    );
    const row = rows[0];
    if (!row) return null;
    const header = headerFromText(row.header, { target: this.#db.target.display, runId });
    const tasks = JSON.parse(`[${row.tasks ?? ""}]`) as unknown[];
    const results = tasks.map((json, index) =>
      taskResultFromJSON(json, {
        source: `journal of run ${JSON.stringify(runId)} in ${this.location}, entry ${index + 1}`,
      }),
    );
    return { header, results };
  }

  /** Removes the run's journal (a missing one is fine); refused while another process writes it. */
  async discardJournal(runId: string): Promise<void> {
    await this.ready();
    const s = this.#s;
    const operation = `discard the journal of run ${JSON.stringify(runId)}`;
    await this.#db.transaction(operation, async (query) => {
      await refuseOtherWriter(query, s, { runId, leaseMs: this.#leaseMs, own: this.#own, operation });
      await query(`DELETE FROM ${s}.ag2_eval_journals WHERE run_id = $1`, [runId]);
    });
  }

  /** Closes the store's connections; the store cannot be used afterwards. */
  async close(): Promise<void> {
    await this.#db.close();
  }

  #notFound(runId: string): PostgresRunNotFoundError {
    return new PostgresRunNotFoundError({ runId, target: this.#db.target.display, schema: this.schema });
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
  return new PostgresRunStore(typeof options === "string" ? { connectionString: options } : options);
}

function checkedRunId(runId: string): string {
  const problem = runIdProblem(runId);
  if (problem !== null) {
    throw new InvalidOptionError("runId", `PostgreSQL run store: invalid run id ${JSON.stringify(runId)}: ${problem}`);
  }
  return runId;
}

function positive(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(option, `PostgreSQL run store: ${option}: expected a positive number, got ${value}`);
  }
  return value;
}
