import type { TaskResult } from "../result/task-result.js";
import type { RunJournal } from "../run-result/run-store.js";

/** How a store records journal lines, for {@link groupCommitJournal}. */
export interface GroupCommitJournalOptions<Line> {
  /**
   * The most lines one commit takes: bounds what a backlog holds encoded at once (and a
   * statement's parameters). A longer queue is committed in several batches, in order.
   */
  readonly maxBatch: number;
  /** One result as a line; when it throws, that result's append rejects and its batch goes on. */
  encode(result: TaskResult): Line;
  /**
   * Records `lines` durably, in order, after every line committed before. The appends of the
   * batch resolve once it resolves, and reject with its error when it rejects.
   */
  commit(lines: readonly Line[]): Promise<void>;
  /** What an append after `close` rejects with. */
  closedError(): Error;
  /** Releases what the journal holds; runs once, after the last batch settled. */
  release(): Promise<void>;
}

interface Pending {
  readonly result: TaskResult;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A {@link RunJournal} with group commit: appends that arrive while a commit is in flight go
 * together in the next one, so a run pays one write (fsync, round trip) per batch instead of
 * one per task. An append resolves only after the commit holding its line, so "resolved"
 * still means "durable"; lines keep their order because one batch at most is in flight. A
 * failed commit rejects the appends of its batch only: what earlier commits recorded stays,
 * and later appends are tried again. The queue holds results, which the run keeps anyway,
 * not their encoding: when tasks finish faster than the store keeps up, a backlog costs a
 * reference per task.
 *
 * @example
 * ```ts
 * const journal = groupCommitJournal({
 *   maxBatch: 512,
 *   encode: (result) => `${JSON.stringify(taskResultToJSON(result))}\n`,
 *   commit: async (lines) => { await handle.write(lines.join("")); await handle.sync(); },
 *   closedError: () => new Error("journal is closed"),
 *   release: () => handle.close(),
 * });
 * ```
 */
export function groupCommitJournal<Line>(options: GroupCommitJournalOptions<Line>): RunJournal {
  let queued: Pending[] = [];
  let flushing: Promise<void> | null = null;
  let closed = false;

  async function commitBatch(batch: readonly Pending[]): Promise<void> {
    const encoded: Pending[] = [];
    const lines: Line[] = [];
    for (const pending of batch) {
      try {
        lines.push(options.encode(pending.result));
        encoded.push(pending);
      } catch (error) {
        pending.reject(error);
      }
    }
    if (encoded.length === 0) return;
    try {
      await options.commit(lines);
    } catch (error) {
      for (const pending of encoded) pending.reject(error);
      return;
    }
    for (const pending of encoded) pending.resolve();
  }

  async function drain(): Promise<void> {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      for (let start = 0; start < batch.length; start += options.maxBatch) {
        await commitBatch(batch.slice(start, start + options.maxBatch));
      }
    }
    flushing = null;
  }

  return {
    append(result: TaskResult): Promise<void> {
      if (closed) return Promise.reject(options.closedError());
      return new Promise<void>((resolve, reject) => {
        queued.push({ result, resolve, reject });
        flushing ??= drain();
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await flushing;
      await options.release();
    },
  };
}
