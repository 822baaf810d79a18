import type { FileHandle } from "node:fs/promises";
import type { TaskResult } from "@ag2/eval-core";
import { type RunJournal, taskResultToJSON } from "@ag2/eval-core/internal";
import { JournalFileError } from "./journal-file-error.js";

interface Pending {
  readonly result: TaskResult;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Lines per write within a batch: bounds the text held at once when a backlog built up. */
const LINES_PER_WRITE = 512;

/**
 * Group commit: appends queued while a write+fsync is in flight go to disk together in the
 * next one, so a run pays one fsync per batch instead of one per task. A promise resolves
 * only after the fsync covering its line, so "resolved" still means "durable"; lines keep
 * their order because only one batch is ever in flight. The queue holds the results, which
 * the run keeps anyway, not their JSON: when tasks finish faster than the event loop reaches
 * the disk (an agent that never waits on I/O), the backlog costs a reference per task.
 */
export function groupCommitJournal(handle: FileHandle, path: string): RunJournal {
  let queued: Pending[] = [];
  let flushing: Promise<void> | null = null;
  let closed = false;

  async function writeBatch(batch: readonly Pending[]): Promise<void> {
    const written: Pending[] = [];
    try {
      for (let start = 0; start < batch.length; start += LINES_PER_WRITE) {
        let text = "";
        for (const pending of batch.slice(start, start + LINES_PER_WRITE)) {
          let line: string;
          try {
            line = `${JSON.stringify(taskResultToJSON(pending.result))}\n`;
          } catch (error) {
            // a result that cannot be written fails its own append, not its batch
            pending.reject(error);
            continue;
          }
          text += line;
          written.push(pending);
        }
        if (text !== "") await handle.write(text);
      }
      if (written.length > 0) await handle.sync();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const pending of written) pending.resolve();
  }

  async function drain(): Promise<void> {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      await writeBatch(batch);
    }
    flushing = null;
  }

  return {
    append(result: TaskResult): Promise<void> {
      if (closed)
        return Promise.reject(new JournalFileError({ path, message: "journal is closed" }));
      return new Promise<void>((resolve, reject) => {
        queued.push({ result, resolve, reject });
        flushing ??= drain();
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await flushing;
      await handle.close();
    },
  };
}
