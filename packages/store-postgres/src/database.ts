import { Ag2EvalError } from "@ag2/eval-core";
import pg from "pg";
import { type ConnectionTarget, scrubPassword } from "./connection-target.js";
import { PostgresStoreError } from "./postgres-store-error.js";

/** What a query needs: the text and its parameters. */
export type QueryRunner = (text: string, values?: readonly unknown[]) => Promise<pg.QueryResult>;

/** Timeouts and pool size of a {@link Database}. */
export interface DatabaseOptions {
  readonly connectTimeoutMs: number;
  readonly queryTimeoutMs: number;
  readonly maxConnections: number;
  /** What the pool's sessions are called on the server (`pg_stat_activity`). */
  readonly applicationName: string;
}

/**
 * The store's pool of connections. Every failure leaves here as a {@link PostgresStoreError}
 * that names the server as `host:port/database` and never carries the password.
 */
export class Database {
  readonly target: ConnectionTarget;
  readonly #pool: pg.Pool;
  readonly #options: DatabaseOptions;

  constructor(target: ConnectionTarget, options: DatabaseOptions) {
    this.target = target;
    this.#options = options;
    this.#pool = new pg.Pool({
      connectionString: target.connectionString,
      connectionTimeoutMillis: options.connectTimeoutMs,
      query_timeout: options.queryTimeoutMs,
      max: options.maxConnections,
      application_name: options.applicationName,
      // idle connections must not keep a finished CLI run (or a test) alive
      allowExitOnIdle: true,
    });
    // an idle connection the server closed reports here; the next query reconnects
    this.#pool.on("error", () => {});
  }

  /** One statement, on whichever connection is free. */
  async query(
    operation: string,
    text: string,
    values?: readonly unknown[],
  ): Promise<pg.QueryResult> {
    try {
      return await this.#pool.query(text, values as unknown[] | undefined);
    } catch (error) {
      throw this.failure(operation, error, false);
    }
  }

  /**
   * Runs `work` inside one transaction on one connection. Anything that fails rolls it back;
   * a connection that drops part-way leaves nothing behind either, since PostgreSQL keeps no
   * part of a transaction that was never committed.
   */
  async transaction<T>(operation: string, work: (query: QueryRunner) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw this.failure(operation, error, false);
    }
    // a connection that breaks mid-transaction also emits "error"; the failed query reports it
    const ignore = (): void => {};
    client.on("error", ignore);
    try {
      const value = await this.transactionOn(client, operation, work);
      client.off("error", ignore);
      client.release();
      return value;
    } catch (error) {
      client.off("error", ignore);
      // a broken or timed-out connection is thrown away, never handed to the next caller
      const broken = PostgresStoreError.isInstance(error) && !isServerError(error.cause);
      client.release(broken ? toError(error) : undefined);
      throw error;
    }
  }

  /**
   * Runs `work` in one transaction on `client`, a connection the caller holds: rolled back on
   * any failure (unless the connection broke, which rolls it back anyway).
   */
  async transactionOn<T>(
    client: pg.ClientBase,
    operation: string,
    work: (query: QueryRunner) => Promise<T>,
  ): Promise<T> {
    let phase: "work" | "commit" = "work";
    try {
      await client.query("BEGIN");
      const value = await work((text, values) => client.query(text, values as unknown[]));
      phase = "commit";
      await client.query("COMMIT");
      return value;
    } catch (error) {
      const broken = !isServerError(error) && !Ag2EvalError.isInstance(error);
      if (!broken) await client.query("ROLLBACK").catch(() => undefined);
      if (Ag2EvalError.isInstance(error)) throw error;
      throw this.failure(operation, error, phase === "commit" ? "commit" : "transaction");
    }
  }

  /**
   * A connection of its own, outside the pool, for a session that must outlive any one
   * statement (a run lock): the caller ends it.
   */
  async connect(operation: string, applicationName: string): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.target.connectionString,
      connectionTimeoutMillis: this.#options.connectTimeoutMs,
      query_timeout: this.#options.queryTimeoutMs,
      application_name: applicationName,
      keepAlive: true,
    });
    // a connection that breaks reports here too: the next statement on it reports the failure
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (error) {
      client.end().catch(() => undefined);
      throw this.failure(operation, error, false);
    }
    return client;
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  /** `error` as a {@link PostgresStoreError} naming the server and `operation`, without the password. */
  failure(operation: string, error: unknown, during: false | "transaction" | "commit"): Error {
    const { display, password } = this.target;
    const reason = scrubPassword(this.#reason(error, during), password);
    return new PostgresStoreError({ target: display, operation, reason, cause: error });
  }

  #reason(error: unknown, during: false | "transaction" | "commit"): string {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    if (isServerError(error)) return `${message} (SQLSTATE ${String(code)})`;
    if (code === "ECONNREFUSED") {
      return `nothing is listening there (${message}); is the server running?`;
    }
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `unknown host (${message})`;
    if (
      /timeout expired|connection timeout|timeout exceeded when trying to connect/.test(message)
    ) {
      return `the server did not accept the connection within ${this.#options.connectTimeoutMs} ms (connectTimeoutMs)`;
    }
    if (message === "Query read timeout") {
      const tail =
        during === false
          ? ""
          : "; the transaction was abandoned and its connection closed, so none of it is stored";
      return `the server did not answer within ${this.#options.queryTimeoutMs} ms (queryTimeoutMs)${tail}`;
    }
    if (during === "commit") {
      return `the connection failed while committing (${message}); the transaction may or may not have been stored`;
    }
    if (during === "transaction") {
      return `the connection failed in the middle of the transaction (${message}); it was not committed, so none of it is stored`;
    }
    return message;
  }
}

/** An error the server reported (a SQLSTATE), as opposed to a broken connection. */
function isServerError(error: unknown): boolean {
  return error instanceof pg.DatabaseError;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
