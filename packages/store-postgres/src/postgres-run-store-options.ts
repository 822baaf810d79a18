import { InvalidOptionError } from "@ag2/eval-core";
import { runIdProblem } from "@ag2/eval-core/internal";

/**
 * How to build a {@link PostgresRunStore}. Only `connectionString` is required.
 *
 * @example
 * ```ts
 * const options: PostgresRunStoreOptions = {
 *   connectionString: "postgres://ci@db.internal:5432/evals",
 *   schema: "ag2_eval",
 *   connectTimeoutMs: 5_000,
 * };
 * ```
 */
export interface PostgresRunStoreOptions {
  /**
   * `postgres://user:password@host:port/database?sslmode=…`, as `psql` takes it. The password
   * is only ever handed to the driver (messages name `host:port/database`); PGPASSWORD or
   * `~/.pgpass` keep it out of the string altogether.
   */
  readonly connectionString: string;
  /** The PostgreSQL schema holding the tables (created on first use); default `"public"`. */
  readonly schema?: string | undefined;
  /** How long to wait for the server to accept a connection; default 10 000 ms. */
  readonly connectTimeoutMs?: number | undefined;
  /** How long to wait for any one statement's answer; default 60 000 ms. */
  readonly queryTimeoutMs?: number | undefined;
  /** Connections kept open at most; default 4. */
  readonly maxConnections?: number | undefined;
  /**
   * How long a run stays locked by a writer whose machine vanished (power cut, network gone):
   * the server's TCP keepalives on the lock's connection give up on it after about this long.
   * A writer that ends or is killed frees its runs at once, whatever this is. Default 30 000 ms.
   */
  readonly writerLeaseMs?: number | undefined;
  /** How this process is named to a second writer it blocks; default `hostname:pid`. */
  readonly writerName?: string | undefined;
}

/** `runId`, when it is one the stores accept (core's rule: a file name); else an {@link InvalidOptionError}. */
export function checkedRunId(runId: string): string {
  const problem = runIdProblem(runId);
  if (problem !== null) {
    throw new InvalidOptionError(
      "runId",
      `PostgreSQL run store: invalid run id ${JSON.stringify(runId)}: ${problem}`,
    );
  }
  return runId;
}

/** `value`, or `fallback` when absent; anything but a positive number is an {@link InvalidOptionError}. */
export function positive(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(
      option,
      `PostgreSQL run store: ${option}: expected a positive number, got ${value}`,
    );
  }
  return value;
}
