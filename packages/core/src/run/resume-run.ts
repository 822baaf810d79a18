import { InvalidOptionError } from "../errors/invalid-option-error.js";
import type { TaskResult } from "../result/task-result.js";
import type { RunResult } from "../run-result/run-result.js";
import type { JournalContents, JournalHeader, RunStore } from "../run-result/run-store.js";
import type { Task } from "../suite/task.js";
import {
  checkAgentUnchanged,
  checkScorersUnchanged,
  checkSuiteUnchanged,
  pyList,
} from "./resume-checks.js";
import { ResumeError } from "./resume-error.js";

/** What a resumed run starts from: the journal's header and the tasks it already graded. */
export interface ResumeState {
  readonly header: JournalHeader;
  readonly done: ReadonlyMap<string, TaskResult>;
  /** True when `done` came from a budget-stopped run file (no journal): journal it again. */
  readonly fromRunFile: boolean;
}

/**
 * Reads the journal of run `runId` and checks it was written for exactly `taskIds` (the
 * suite's ids after repeats, in order). A run stopped by its run-wide budget resumes from its
 * journal, or from its run file when the journal is gone. Refuses a finished run, a run with
 * no journal, a journal of other tasks, graded tasks whose inputs or reference outputs
 * changed since, other scorer keys, and another agent (unless allowed), naming what differs.
 */
export async function readResumeState(options: {
  readonly store: RunStore | null | undefined;
  readonly runId: string;
  /** The header this run would journal; `taskIds` and `scorers` are checked against it. */
  readonly expected: JournalHeader;
  /** The suite's tasks after repeats, to compare with the tasks already graded. */
  readonly tasks: readonly Task[];
  /** This run's agent: its class name, and whether a different agent may resume the run. */
  readonly agent: { readonly className: string; readonly allowChange: boolean };
  /** The journal as the caller already read it (`runAgent`'s `resumeJournal`); absent: read it. */
  readonly journal?: JournalContents | null;
}): Promise<ResumeState> {
  const { store, runId, expected, tasks } = options;
  const checkAgent = (journaled: string): void =>
    checkAgentUnchanged(runId, {
      journaled,
      current: expected.target,
      className: options.agent.className,
      allowed: options.agent.allowChange,
    });
  const { taskIds } = expected;
  if (!store?.readJournal || !store.openJournal) {
    throw new InvalidOptionError(
      "resume",
      `runAgent: option 'resume' needs a store with journals (readJournal/openJournal); got ${store ? "a store without them" : "no store"}`,
    );
  }
  const contents = options.journal !== undefined ? options.journal : await store.readJournal(runId);
  if (!contents) {
    const saved = await store.load(runId).catch(() => null);
    if (saved?.stopReason) {
      const state = fromStoppedRun(saved, expected);
      checkAgent(saved.target);
      checkSuiteUnchanged(runId, state.done, tasks);
      return state;
    }
    throw new ResumeError(
      runId,
      saved
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
  checkScorersUnchanged(runId, contents.header.scorers, expected.scorers);
  checkAgent(contents.header.target);
  const done = new Map<string, TaskResult>();
  for (const result of contents.results) done.set(result.task.taskId, result);
  checkSuiteUnchanged(runId, done, tasks);
  return { header: contents.header, done, fromRunFile: false };
}

function fromStoppedRun(saved: RunResult, expected: JournalHeader): ResumeState {
  const wanted = new Set(expected.taskIds);
  const foreign = saved.tasks.map((t) => t.task.taskId).filter((id) => !wanted.has(id));
  if (foreign.length > 0) {
    throw new ResumeError(
      saved.runId,
      `cannot resume run ${saved.runId}: its run file holds tasks this suite does not have (${pyList(foreign)})`,
    );
  }
  const done = new Map<string, TaskResult>();
  for (const result of saved.tasks) done.set(result.task.taskId, result);
  const header: JournalHeader = {
    ...expected,
    label: saved.label,
    createdAt: saved.createdAt,
    target: saved.target,
    concurrency: saved.concurrency,
  };
  return { header, done, fromRunFile: true };
}
