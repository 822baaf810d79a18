import { Ag2EvalError } from "@ag2/eval-core";

/** Who holds a run: the server session holding its lock, as PostgreSQL reports it. */
export interface RunWriter {
  /** The `writerName` of that process (default `hostname:pid`), or what its session is called. */
  readonly holder: string;
  /** The server process of its session: `pg_terminate_backend` of it frees the run. */
  readonly pid: number | null;
  /** When its session connected (ISO 8601, server time): about when it took the run. */
  readonly since: string;
}

/**
 * Another process is writing this run: it holds the run's lock (a PostgreSQL advisory lock,
 * held by a session of its own), so two processes or machines never interleave one run.
 * Names the holder. The lock goes with that session: when the process releases the run, ends,
 * or is killed, at once; when its machine vanishes, once the server's keepalives give up on
 * its connection (about `writerLeaseMs`).
 *
 * @example
 * ```ts
 * catch (error) { if (RunWriterConflictError.isInstance(error)) console.error(error.writer.holder); }
 * ```
 */
export class RunWriterConflictError extends Ag2EvalError {
  static override readonly errorName: string = "RunWriterConflictError";
  readonly runId: string;
  readonly writer: RunWriter;

  constructor(options: { runId: string; writer: RunWriter; operation: string }) {
    const { writer } = options;
    const session = writer.pid === null ? "" : `server process ${writer.pid}, `;
    const stop =
      writer.pid === null
        ? ""
        : `; if that process hangs, SELECT pg_terminate_backend(${writer.pid}) frees the run`;
    super(
      `PostgreSQL run store: cannot ${options.operation}: run ${JSON.stringify(options.runId)} is ` +
        `being written by ${writer.holder} (${session}connected since ${writer.since}); one ` +
        `writer per run id. The run is free again as soon as that process finishes or dies${stop}`,
    );
    this.runId = options.runId;
    this.writer = writer;
  }
}
