import { Ag2EvalError } from "@ag2/eval-core";

/** Who holds a run's lock, as written in `<dir>/<run_id>.lock`. */
export interface RunLockHolder {
  readonly pid: number;
  readonly host: string;
  /** When the holder took the lock (ISO 8601, UTC). */
  readonly startedAt: string;
}

/**
 * Another writer has the run: its lock file, `<dir>/<run_id>.lock`, names a process that is
 * still running (or one on another machine, which is never taken over automatically). Names
 * the run, the lock file and the holder; `holder` is null when the lock file could not be read
 * as one (a link, or other content).
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (RunLockedError.isInstance(error)) console.error(error.holder?.pid, error.holder?.host);
 * }
 * ```
 */
export class RunLockedError extends Ag2EvalError {
  static override readonly errorName: string = "RunLockedError";
  readonly runId: string;
  readonly path: string;
  readonly holder: RunLockHolder | null;

  constructor(options: {
    runId: string;
    path: string;
    holder: RunLockHolder | null;
    /** Why the lock is not ours to take, when the holder alone does not say. */
    reason?: string;
  }) {
    const { runId, path, holder } = options;
    const who = holder
      ? `pid ${holder.pid} on host ${JSON.stringify(holder.host)}, since ${holder.startedAt}`
      : "an unknown holder";
    super(
      `run ${runId} is locked by another writer (${who}); lock file ${path}` +
        (options.reason ? `: ${options.reason}` : "") +
        "; wait for that run to finish or use another run id, and if no process is writing it, remove the lock file",
    );
    this.runId = runId;
    this.path = path;
    this.holder = holder;
  }
}
