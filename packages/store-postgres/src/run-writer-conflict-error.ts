import { Ag2EvalError } from "@ag2/eval-core";

/** Who holds a run: the writer row of the process journaling it. */
export interface RunWriter {
  /** `hostname:pid`, or the `writerName` that process chose. */
  readonly holder: string;
  /** When it took the run (ISO 8601, server time). */
  readonly since: string;
  /** Its last sign of life (ISO 8601, server time). */
  readonly heartbeatAt: string;
  /** When its claim lapses if no further heartbeat comes (ISO 8601, server time). */
  readonly expiresAt: string;
}

/**
 * Another process is writing this run (its journal is open): one writer per run id, so two
 * machines never interleave tasks of one run. Names the holder; a holder that died without
 * closing keeps the run only until its lease lapses (`expiresAt`).
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
    super(
      `PostgreSQL run store: cannot ${options.operation}: run ${JSON.stringify(options.runId)} is ` +
        `being written by ${writer.holder} (since ${writer.since}, last heartbeat ` +
        `${writer.heartbeatAt}); one writer per run id. If that process is gone, its claim ` +
        `lapses at ${writer.expiresAt}`,
    );
    this.runId = options.runId;
    this.writer = writer;
  }
}
