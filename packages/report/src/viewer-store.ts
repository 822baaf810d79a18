import { type RunInfo, RunResult, type Trace } from "@ag2/eval-core";
import { type JournalContents, runInfo } from "@ag2/eval-core/internal";
import type { RunListEntry, RunView } from "./report-data.js";
import { runView } from "./run-view.js";

/**
 * What the viewer reads runs from: a `RunStore`'s reading half, plus the runs still being
 * written. `@ag2/eval-store-fs`'s `FsRunStore` has all but `listJournals`, which the CLI
 * adds from the store folder's `*.journal.jsonl` names.
 */
export interface ViewerStore {
  list(options?: { label?: string }): Promise<RunInfo[]>;
  /** Rejects when there is no such run (a `RunNotFoundError` for a missing one). */
  load(runId: string): Promise<RunResult>;
  readJournal?(runId: string): Promise<JournalContents | null>;
  /** Ids of the runs that have a journal (in progress, or stopped by a budget). */
  listJournals?(): Promise<string[]>;
}

/** A run rebuilt from its journal: the tasks graded so far, timed up to `now`. */
export function journalRun(journal: JournalContents, now = Date.now()): RunResult {
  const { header, results } = journal;
  const started = Date.parse(header.createdAt);
  return new RunResult({
    runId: header.runId,
    tasks: results,
    suite: header.suite,
    target: header.target,
    concurrency: header.concurrency,
    durationMs: Number.isFinite(started) ? Math.max(0, now - started) : 0,
    createdAt: header.createdAt,
    label: header.label,
  });
}

/** The Runs page's lines: saved runs, then runs in progress, each group newest first. */
export async function listEntries(store: ViewerStore): Promise<RunListEntry[]> {
  const saved = await store.list();
  const entries: RunListEntry[] = saved.map((info) => entryOf(info, null));
  const known = new Set(saved.map((info) => info.runId));
  const ids = (await store.listJournals?.()) ?? [];
  const live: RunListEntry[] = [];
  for (const id of ids) {
    if (known.has(id)) continue;
    const journal = await store.readJournal?.(id).catch(() => null);
    if (!journal) continue;
    const run = journalRun(journal);
    live.push(
      entryOf(runInfo(run), { done: run.tasks.length, expected: journal.header.taskIds.length }),
    );
  }
  live.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return [...live, ...entries];
}

function entryOf(info: RunInfo, inProgress: RunListEntry["inProgress"]): RunListEntry {
  return {
    runId: info.runId,
    label: info.label,
    createdAt: info.createdAt,
    durationMs: info.durationMs,
    target: info.target,
    suite: { name: info.suite.name, size: info.suite.size },
    passRate: info.passRate,
    scoreMeans: info.scoreMeans,
    errors: info.errors,
    tokens: null,
    costUsd: null,
    inProgress,
  };
}

/** One run for the viewer, or why there is none (no such run, or a run file that is unreadable). */
export type LoadedRunView =
  | { readonly found: true; readonly view: RunView }
  | { readonly found: false; readonly reason: string };

/**
 * One run for the viewer: the saved run, or, while it is still being written, what its
 * journal holds so far.
 */
export async function loadRunView(
  store: ViewerStore,
  runId: string,
  costOf?: (trace: Trace) => number,
): Promise<LoadedRunView> {
  const saved = async () => ({
    found: true as const,
    view: runView(await store.load(runId), { costOf }),
  });
  try {
    return await saved();
  } catch (error) {
    const journal = await store.readJournal?.(runId).catch(() => null);
    if (journal) {
      const run = journalRun(journal);
      return {
        found: true,
        view: runView(run, { costOf, expectedTasks: journal.header.taskIds.length }),
      };
    }
    // the run may have been saved (and its journal removed) between the two reads
    return saved().catch(() => ({
      found: false,
      reason: (error as Error)?.message ?? String(error),
    }));
  }
}
