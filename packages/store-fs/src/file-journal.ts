import type { FileHandle } from "node:fs/promises";
import { groupCommitJournal, type RunJournal, taskResultToJSON } from "@ag2/eval-core/internal";
import { JournalFileError } from "./journal-file-error.js";

/** Lines per write and fsync: bounds the text held at once when a backlog built up. */
const LINES_PER_WRITE = 512;

/**
 * The journal appending to `handle` (opened after its header): each graded task a JSON line.
 * Appends that arrive together share one write and one fsync, and resolve after that fsync.
 */
export function fileJournal(handle: FileHandle, path: string): RunJournal {
  return groupCommitJournal<string>({
    maxBatch: LINES_PER_WRITE,
    encode: (result) => `${JSON.stringify(taskResultToJSON(result))}\n`,
    async commit(lines) {
      await handle.write(lines.join(""));
      await handle.sync();
    },
    closedError: () => new JournalFileError({ path, message: "journal is closed" }),
    release: () => handle.close(),
  });
}
