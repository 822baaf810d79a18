import { type FileHandle, open, readFile, rm, truncate } from "node:fs/promises";
import { dirname } from "node:path";
import type { TaskResult } from "@ag2/eval-core";
import {
  type JournalContents,
  type JournalHeader,
  type RunJournal,
  taskResultFromJSON,
  taskResultToJSON,
} from "@ag2/eval-core/internal";
import { JournalFileError } from "./journal-file-error.js";
import {
  headerFromJSON,
  headerProblem,
  headerToJSON,
  JOURNAL_FORMAT,
  type JournalHeaderJSON,
  sameHeader,
} from "./journal-header.js";
import { syncFolder } from "./write-file-atomic.js";

export { JOURNAL_FORMAT };

/**
 * Starts a journal at `path` with its header line, replacing any earlier one, or, when the
 * journal there has the same header (a resume), continues it after cutting off a torn last line.
 */
export async function openJournalFile(path: string, header: JournalHeader): Promise<RunJournal> {
  const append = await continuesJournal(path, header);
  const handle = await open(path, append ? "a" : "w");
  if (!append) {
    await handle.write(`${JSON.stringify(headerToJSON(header))}\n`);
    await handle.sync();
    await syncFolder(dirname(path));
  }
  return groupCommitJournal(handle, path);
}

/**
 * True when the journal at `path` starts with `header`'s line; it is then cut back to its last
 * newline, so the next append starts on a line of its own. Only the header line is parsed:
 * the task lines were already read by whoever resumes (one read of the file, no second parse).
 */
async function continuesJournal(path: string, header: JournalHeader): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return false;
  }
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) return false;
  const json = tryParse(bytes.toString("utf8", 0, headerEnd));
  if (headerProblem(json) !== undefined) return false;
  if (!sameHeader(headerFromJSON(json as JournalHeaderJSON), header)) return false;
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (end !== bytes.length) await truncate(path, end);
  return true;
}

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
function groupCommitJournal(handle: FileHandle, path: string): RunJournal {
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

/**
 * Reads a journal: its header and every complete task line. A last line that does not parse
 * is what a crash in the middle of a write leaves, so it is ignored; a bad line anywhere else
 * means the file was damaged and is an error naming the line.
 */
export async function readJournalFile(path: string): Promise<JournalContents | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const parsed = lines.map((line) => tryParse(line));
  if (parsed.length > 0 && parsed.at(-1) === undefined) parsed.pop();
  if (parsed.length === 0) {
    throw new JournalFileError({ path, line: 1, message: "missing header line" });
  }
  const header = parsed[0];
  if (header === undefined) {
    throw new JournalFileError({ path, line: 1, message: "is not valid JSON (the header line)" });
  }
  const problem = headerProblem(header);
  if (problem) {
    throw new JournalFileError({
      path,
      line: 1,
      message: `not a journal header (${problem}); expected {"journal": "${JOURNAL_FORMAT}", ...}`,
    });
  }
  const results: TaskResult[] = [];
  for (let index = 1; index < parsed.length; index++) {
    const json = parsed[index];
    if (json === undefined) {
      throw new JournalFileError({ path, line: index + 1, message: "is not valid JSON" });
    }
    try {
      results.push(taskResultFromJSON(json));
    } catch (error) {
      throw new JournalFileError({
        path,
        line: index + 1,
        message: error instanceof Error ? error.message : String(error),
        cause: error,
      });
    }
  }
  return { header: headerFromJSON(header as JournalHeaderJSON), results };
}

/** Removes a journal; a missing one is fine. */
export async function removeJournalFile(path: string): Promise<void> {
  await rm(path, { force: true });
}

function tryParse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
