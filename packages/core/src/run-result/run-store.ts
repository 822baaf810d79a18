import type { SuiteInfo } from "../result/run-data.js";
import type { TaskResult } from "../result/task-result.js";
import type { RunResult } from "./run-result.js";

/** One line of a run listing: enough to pick a run without loading it. */
export interface RunInfo {
  readonly runId: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly durationMs: number;
  readonly target: string;
  readonly suite: SuiteInfo;
  readonly passRate: Readonly<Record<string, number>>;
  /** Mean of each numeric key. */
  readonly scoreMeans: Readonly<Record<string, number>>;
  readonly errors: number;
}

/** What a journal records before the first task finishes, to check a resume against. */
export interface JournalHeader {
  readonly runId: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly target: string;
  readonly concurrency: number;
  readonly suite: SuiteInfo;
  /** The task ids to grade, after repeats were expanded, in order. */
  readonly taskIds: readonly string[];
  /** The scorer keys, in order; absent in journals written before they were recorded. */
  readonly scorers?: readonly string[];
  /**
   * How the run was started, as the caller recorded it (`runAgent`'s `invocation`): JSON data
   * core does not read. The CLI keeps its suite, modules, label and flags here, so that
   * `--resume <id>` alone can continue the run. Absent when the caller gave none.
   */
  readonly invocation?: Readonly<Record<string, unknown>>;
}

/** A run in progress, recorded task by task so that a crash loses no graded task. */
export interface RunJournal {
  /** Records one graded task; resolves once it is durable. */
  append(result: TaskResult): Promise<void>;
  /** Stops recording (the run was saved, or stopped); the journal stays until `discardJournal`. */
  close(): Promise<void>;
}

/** One writer's hold on a run id, from before its journal opens until its run file is saved. */
export interface RunLock {
  /** Frees the run id; calling it again does nothing. */
  release(): Promise<void>;
}

/** What a journal holds: its header and every task recorded so far, in the order recorded. */
export interface JournalContents {
  readonly header: JournalHeader;
  readonly results: readonly TaskResult[];
}

/**
 * Where runs are kept. `@ag2/eval-store-fs` keeps them as files; the in-memory store in
 * `@ag2/eval-core/testing` serves tests. The journal methods are optional: a store that has
 * them makes runs resumable after a crash.
 *
 * @example
 * ```ts
 * await store.save(result);
 * const latest = (await store.list({ label: "nightly" }))[0];
 * ```
 */
export interface RunStore {
  save(result: RunResult): Promise<void>;
  /** Rejects with a clear error naming the id when there is no such run. */
  load(runId: string): Promise<RunResult>;
  /** Newest first; with `label`, only runs carrying it. */
  list(options?: { label?: string }): Promise<RunInfo[]>;
  delete(runId: string): Promise<void>;
  openJournal?(header: JournalHeader): Promise<RunJournal>;
  /** The journal of an unfinished run, or null when there is none. */
  readJournal?(runId: string): Promise<JournalContents | null>;
  discardJournal?(runId: string): Promise<void>;
  /** True when a saved run or a journal has this id (without reading either). */
  exists?(runId: string): Promise<boolean>;
  /** Takes the run id for one writer; rejects, naming the holder, when another has it. */
  lock?(runId: string): Promise<RunLock>;
}

/** The listing line of a run. */
export function runInfo(result: RunResult): RunInfo {
  const scoreMeans: Record<string, number> = {};
  for (const [key, stats] of Object.entries(result.aggregates.scoreStats)) {
    scoreMeans[key] = stats.mean;
  }
  return {
    runId: result.runId,
    label: result.label,
    createdAt: result.createdAt,
    durationMs: result.durationMs,
    target: result.target,
    suite: result.suite,
    passRate: { ...result.aggregates.passRate },
    scoreMeans,
    errors: result.aggregates.errors,
  };
}
