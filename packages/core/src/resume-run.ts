import { InvalidOptionError } from "./invalid-option-error.js";
import { ResumeError } from "./resume-error.js";
import type { JournalHeader, RunStore } from "./run-store.js";
import type { TaskResult } from "./task-result.js";

/** What a resumed run starts from: the journal's header and the tasks it already graded. */
export interface ResumeState {
  readonly header: JournalHeader;
  readonly done: ReadonlyMap<string, TaskResult>;
}

function pyList(ids: readonly string[]): string {
  return `[${ids.map((id) => `'${id}'`).join(", ")}]`;
}

/**
 * Reads the journal of run `runId` and checks it was written for exactly `taskIds` (the
 * suite's ids after repeats, in order). Refuses a finished run, a run with no journal, and a
 * journal of other tasks, naming what differs.
 */
export async function readResumeState(
  store: RunStore | null | undefined,
  runId: string,
  taskIds: readonly string[],
): Promise<ResumeState> {
  if (!store?.readJournal || !store.openJournal) {
    throw new InvalidOptionError(
      "resume",
      `runAgent: option 'resume' needs a store with journals (readJournal/openJournal); got ${store ? "a store without them" : "no store"}`,
    );
  }
  const contents = await store.readJournal(runId);
  if (!contents) {
    const finished = await store.load(runId).then(
      () => true,
      () => false,
    );
    throw new ResumeError(
      runId,
      finished
        ? `run ${runId} is already finished; nothing to resume`
        : `run ${runId} has no journal in the store; nothing to resume (start a new run without 'resume')`,
    );
  }
  const journaled = contents.header.taskIds;
  const same = journaled.length === taskIds.length && journaled.every((id, i) => id === taskIds[i]);
  if (!same) {
    const wanted = new Set(taskIds);
    const had = new Set(journaled);
    const onlyJournal = journaled.filter((id) => !wanted.has(id));
    const onlySuite = taskIds.filter((id) => !had.has(id));
    const detail =
      onlyJournal.length + onlySuite.length === 0
        ? "same ids in another order"
        : `only in the journal: ${pyList(onlyJournal)}; only in this suite: ${pyList(onlySuite)}`;
    throw new ResumeError(
      runId,
      `cannot resume run ${runId}: its journal was written for other tasks (${detail})`,
    );
  }
  const done = new Map<string, TaskResult>();
  for (const result of contents.results) done.set(result.task.taskId, result);
  return { header: contents.header, done };
}
