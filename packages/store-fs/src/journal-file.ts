import { type FileHandle, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { TaskResult } from "@ag2/eval-core";
import {
  type JournalContents,
  type JournalHeader,
  type RunJournal,
  taskResultFromJSON,
} from "@ag2/eval-core/internal";
import type { FileIdentity } from "./file-identity.js";
import { fileJournal } from "./file-journal.js";
import { JournalFileError } from "./journal-file-error.js";
import {
  headerFromJSON,
  headerProblem,
  headerToJSON,
  JOURNAL_FORMAT,
  type JournalHeaderJSON,
  sameHeader,
} from "./journal-header.js";
import { APPEND_EXISTING, CREATE_NEW, READ_NO_FOLLOW } from "./open-flags.js";
import { tempPathDone, tempPathFor } from "./temp-name.js";
import { syncFolder } from "./write-file-atomic.js";

export { JOURNAL_FORMAT };

/**
 * Starts a journal at `path` with its header line, or, when the journal there has the same
 * header (a resume), continues it after cutting off a torn last line; a resume whose header
 * differs in what `sameHeader` does not compare (the invocation a resume was given) rewrites
 * the header line, keeping the tasks. A journal is written beside `path` and renamed over it,
 * so an earlier file there (another run's journal, a link to a file outside the store) is
 * replaced, never truncated or written through.
 */
export async function openJournalFile(
  path: string,
  header: JournalHeader,
): Promise<{ journal: RunJournal; file: FileIdentity }> {
  const continued = await continuedJournal(path, header);
  const handle =
    continued === null
      ? await newJournal(path, header)
      : "tasks" in continued
        ? await newJournal(path, header, continued.tasks)
        : continued.handle;
  try {
    const { dev, ino } = await handle.stat();
    return { journal: fileJournal(handle, path), file: { dev, ino } };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A journal of `header` and the task lines `tasks` (whole lines), renamed over `path`. */
async function newJournal(
  path: string,
  header: JournalHeader,
  tasks: Uint8Array = new Uint8Array(),
): Promise<FileHandle> {
  const temp = tempPathFor(path);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, CREATE_NEW, 0o666);
    // the handle's offset stays after what is written here, so later writes append
    await handle.write(`${JSON.stringify(headerToJSON(header))}\n`);
    if (tasks.length > 0) await handle.write(tasks);
    await handle.sync();
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  } finally {
    tempPathDone(temp);
  }
  await syncFolder(dirname(path));
  return handle;
}

/**
 * The journal at `path` opened for appending, when its header starts the same run as `header`
 * and its line is `header`'s; it is then cut back to its last newline, so the next append
 * starts on a line of its own. When the header starts the same run but its line differs, its
 * complete task lines, to be written under the new header. Null when there is no such journal
 * (or a link is there: never followed, it is replaced). Only the header line is parsed:
 * whoever resumes already read the task lines.
 */
async function continuedJournal(
  path: string,
  header: JournalHeader,
): Promise<{ handle: FileHandle } | { tasks: Uint8Array } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, APPEND_EXISTING);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ELOOP") return null;
    throw error;
  }
  try {
    const bytes = await handle.readFile();
    const headerEnd = bytes.indexOf(0x0a);
    const json = headerEnd < 0 ? undefined : tryParse(bytes.toString("utf8", 0, headerEnd));
    if (
      headerProblem(json) === undefined &&
      sameHeader(headerFromJSON(json as JournalHeaderJSON), header)
    ) {
      const end = bytes.lastIndexOf(0x0a) + 1;
      if (bytes.toString("utf8", 0, headerEnd) !== JSON.stringify(headerToJSON(header))) {
        await handle.close();
        return { tasks: bytes.subarray(headerEnd + 1, end) };
      }
      if (end !== bytes.length) await handle.truncate(end);
      return { handle };
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  await handle.close();
  return null;
}

/**
 * Reads a journal: its header and every complete task line. A last line that does not parse
 * is what a crash in the middle of a write leaves, so it is ignored; a bad line anywhere else
 * means the file was damaged and is an error naming the line. A link at `path` is refused.
 */
export async function readJournalFile(path: string): Promise<JournalContents | null> {
  const text = await readJournalText(path);
  if (text === null) return null;
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

async function readJournalText(path: string): Promise<string | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, READ_NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ELOOP") {
      throw new JournalFileError({
        path,
        message:
          "got a symbolic link; expected a journal file (the run store never reads or writes a journal through a link: remove the link, or start the run again with overwrite)",
      });
    }
    throw unreadable(path, error);
  }
  try {
    return await handle.readFile("utf8");
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    await handle.close();
  }
}

/** A journal path that cannot be read (a folder in its place, no permission) names itself. */
function unreadable(path: string, error: unknown): JournalFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const found =
    code === "EISDIR" ? "a folder" : `a path that cannot be read (${code ?? String(error)})`;
  return new JournalFileError({
    path,
    message: `got ${found}; expected a journal file`,
    cause: error,
  });
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
