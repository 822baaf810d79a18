import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  PairwiseRunResult,
  type PairwiseStore,
  type RunInfo,
  type RunResult,
  type RunStore,
  type VariantManifest,
  type VariantManifestStore,
} from "@ag2/eval-core";
import type { JournalContents, JournalHeader, RunJournal, RunLock } from "@ag2/eval-core/internal";
import { type FileIdentity, isFileOrGone, present } from "./file-identity.js";
import { assertValidRunId } from "./invalid-run-id-error.js";
import { openJournalFile, readJournalFile, removeJournalFile } from "./journal-file.js";
import { readJsonArtifact, readManifest, saveJsonArtifact } from "./json-artifact.js";
import { parseRunText, readTextIfExists } from "./load-run.js";
import { prepareFolder } from "./prepare-folder.js";
import { readRunInfos } from "./read-run-infos.js";
import { runFileChunks } from "./run-file-chunks.js";
import { acquireRunLock } from "./run-lock.js";
import { RunLockedError } from "./run-locked-error.js";
import { RunNotFoundError } from "./run-not-found-error.js";
import { StoreFolderError } from "./store-folder-error.js";
import type { StoreWarning } from "./store-warning.js";
import { compareNewestFirst, type TrendPoint, trendPointOf } from "./trend-point.js";
import { writeFileAtomic } from "./write-file-atomic.js";

/** How to build a {@link FsRunStore}. */
export interface FsRunStoreOptions {
  /** The folder holding `<run_id>.json` files; created on the first save. */
  readonly dir: string;
  /** Called for every file `list` or `trend` skips; `lastWarnings` keeps them too. */
  readonly onWarning?: ((warning: StoreWarning) => void) | undefined;
}

const RUN_SUFFIX = ".json";
const JOURNAL_SUFFIX = ".journal.jsonl";
const MANIFEST_SUFFIX = ".variants.json";
const LOCK_SUFFIX = ".lock";

/**
 * A {@link RunStore} on a plain folder: each run is `<dir>/<run_id>.json` in the reference's
 * schema 0.1, written atomically, so AG2's Python `load_run` reads it and a crash never
 * leaves half a file. A run in progress keeps a journal, `<dir>/<run_id>.journal.jsonl`,
 * one fsync'd line per graded task, which makes the run resumable after a crash.
 *
 * `list` and `trend` skip files they cannot read (reported through `onWarning` and
 * `lastWarnings`), temporary files, journals, and other ag2-eval files such as pairwise runs.
 *
 * @example
 * ```ts
 * const store = fsRunStore(".ag2-eval/runs");
 * await store.save(result);
 * const [latest] = await store.list({ label: "nightly" });
 * const again = await store.load(latest.runId);
 * ```
 */
export class FsRunStore implements RunStore, VariantManifestStore, PairwiseStore {
  readonly dir: string;
  readonly #onWarning: ((warning: StoreWarning) => void) | undefined;
  #lastWarnings: readonly StoreWarning[] = [];
  /** Run ids this store has locked, with their locks. */
  readonly #locks = new Map<string, RunLock>();
  /** The journal file each run id's `openJournal` wrote, to discard only that one. */
  readonly #journalFiles = new Map<string, FileIdentity>();

  constructor(options: string | FsRunStoreOptions) {
    const init = typeof options === "string" ? { dir: options } : options;
    this.dir = resolve(init.dir);
    this.#onWarning = init.onWarning;
  }

  /** The files skipped by the most recent `list` or `trend`, with the reason. */
  get lastWarnings(): readonly StoreWarning[] {
    return this.#lastWarnings;
  }

  /** Where the run with this id is (or would be) stored. */
  pathOf(runId: string): string {
    assertValidRunId(runId);
    return join(this.dir, `${runId}${RUN_SUFFIX}`);
  }

  /** Where the journal of the run with this id is (or would be). */
  journalPathOf(runId: string): string {
    assertValidRunId(runId);
    return join(this.dir, `${runId}${JOURNAL_SUFFIX}`);
  }

  /** Where the lock of the run with this id is while a process writes it. */
  lockPathOf(runId: string): string {
    assertValidRunId(runId);
    return join(this.dir, `${runId}${LOCK_SUFFIX}`);
  }

  /** True when a run file or a journal (a link included) has this id. */
  async exists(runId: string): Promise<boolean> {
    return (await present(this.pathOf(runId))) || (await present(this.journalPathOf(runId)));
  }

  /**
   * Takes run `runId` for this process until `release()`: `<dir>/<run_id>.lock`, created
   * exclusively, names the holder (pid, host, start time). A lock left by a process of this
   * machine that no longer runs is taken over; a live holder, or any holder on another machine,
   * is a {@link RunLockedError} naming it. `runAgent` holds it from before the journal opens
   * until the run file is saved.
   *
   * @example
   * ```ts
   * const lock = await store.lock("nightly-42");
   * try { await store.save(result); } finally { await lock.release(); }
   * ```
   */
  async lock(runId: string): Promise<RunLock> {
    const path = this.lockPathOf(runId);
    await prepareFolder(this.dir);
    let lock: RunLock;
    try {
      lock = await acquireRunLock({ path, runId });
    } catch (error) {
      if (RunLockedError.isInstance(error)) throw error;
      throw new StoreFolderError({ path, operation: "lock", cause: error });
    }
    this.#locks.set(runId, lock);
    return {
      release: async () => {
        if (this.#locks.get(runId) === lock) this.#locks.delete(runId);
        await lock.release();
      },
    };
  }

  async save(result: RunResult): Promise<void> {
    const path = this.pathOf(result.runId);
    await prepareFolder(this.dir);
    try {
      await writeFileAtomic(path, runFileChunks(result));
    } catch (error) {
      throw new StoreFolderError({ path, operation: "write", cause: error });
    }
  }

  async load(runId: string): Promise<RunResult> {
    const path = this.pathOf(runId);
    // one read: a missing file is the ENOENT of the read itself, not of a stat before it
    const text = await readTextIfExists(path);
    if (text === null) throw new RunNotFoundError({ runId, path });
    return parseRunText(text, path);
  }

  async list(options: { label?: string } = {}): Promise<RunInfo[]> {
    const { infos, warnings } = await readRunInfos(this.dir, {
      label: options.label,
      onWarning: this.#onWarning,
    });
    this.#lastWarnings = Object.freeze(warnings);
    return infos.sort(compareNewestFirst);
  }

  /**
   * The runs carrying `label`, oldest to newest, with their pass rates and score means per
   * key: how a tracked eval moves over time.
   */
  async trend(label: string): Promise<TrendPoint[]> {
    return (await this.list({ label })).reverse().map(trendPointOf);
  }

  /**
   * Removes the run file and its journal, if any; rejects when neither exists. Takes the run's
   * lock for the removal (unless this store holds it), so a run another process is writing is
   * refused with a {@link RunLockedError} rather than deleted under it.
   */
  async delete(runId: string): Promise<void> {
    const path = this.pathOf(runId);
    const journal = this.journalPathOf(runId);
    await this.#whileLocked(runId, async () => {
      const existed = (await present(path)) || (await present(journal));
      if (!existed) throw new RunNotFoundError({ runId, path });
      try {
        await rm(path, { force: true });
        await removeJournalFile(journal);
      } catch (error) {
        throw new StoreFolderError({ path, operation: "delete", cause: error });
      }
    });
  }

  /**
   * Starts recording a run. When a journal with the same header (run id, start time, task
   * ids) exists, as when `runAgent` resumes after a crash, recording continues after its
   * last complete line; otherwise a new journal replaces any earlier one (renamed over it,
   * never truncated or written through a link). A run this store has not locked is locked
   * until the journal closes.
   */
  async openJournal(header: JournalHeader): Promise<RunJournal> {
    const { runId } = header;
    const path = this.journalPathOf(runId);
    await prepareFolder(this.dir);
    const own = this.#locks.has(runId) ? null : await this.lock(runId);
    let opened: Awaited<ReturnType<typeof openJournalFile>>;
    try {
      opened = await openJournalFile(path, header);
    } catch (error) {
      await own?.release();
      throw new StoreFolderError({ path, operation: "write", cause: error });
    }
    const { journal, file } = opened;
    this.#journalFiles.set(runId, file);
    if (!own) return journal;
    return {
      append: (result) => journal.append(result),
      close: () => journal.close().finally(() => own.release()),
    };
  }

  async readJournal(runId: string): Promise<JournalContents | null> {
    return readJournalFile(this.journalPathOf(runId));
  }

  /** Removes the journal, unless another writer replaced the one this store opened. */
  async discardJournal(runId: string): Promise<void> {
    const path = this.journalPathOf(runId);
    const opened = this.#journalFiles.get(runId);
    this.#journalFiles.delete(runId);
    if (opened && !(await isFileOrGone(path, opened))) return;
    await removeJournalFile(path);
  }

  /**
   * Saves the manifest of a `runVariants` sweep as `<dir>/<run_id>.variants.json` (the
   * variant runs themselves are ordinary run files). Listing skips manifests.
   */
  async saveManifest(manifest: VariantManifest): Promise<void> {
    const path = join(this.dir, `${checkedId(manifest.run_id)}${MANIFEST_SUFFIX}`);
    await prepareFolder(this.dir);
    await saveJsonArtifact(path, manifest);
  }

  /** The manifest of the sweep `runId`, or null when there is none. */
  async loadManifest(runId: string): Promise<VariantManifest | null> {
    const path = join(this.dir, `${checkedId(runId)}${MANIFEST_SUFFIX}`);
    return readManifest(path);
  }

  /**
   * Saves a pairwise comparison as `<dir>/<run_id>.json`, the reference's name for it.
   * Listing skips pairwise files; `loadPairwise` reads one back. Takes the run's lock for the
   * write (unless this store holds it): a {@link RunLockedError} when another process has it.
   */
  async savePairwise(result: PairwiseRunResult): Promise<void> {
    const path = this.pathOf(result.runId);
    await prepareFolder(this.dir);
    await this.#whileLocked(result.runId, () => saveJsonArtifact(path, result.toJSON()));
  }

  /** The pairwise comparison saved under `runId`; rejects when there is none. */
  async loadPairwise(runId: string): Promise<PairwiseRunResult> {
    const path = this.pathOf(runId);
    const json = await readJsonArtifact(path);
    if (json === null) throw new RunNotFoundError({ runId, path });
    return PairwiseRunResult.fromJSON(json, { source: path });
  }

  /** Runs `work` holding the lock of `runId`: this store's own, or one taken for `work` alone. */
  async #whileLocked<T>(runId: string, work: () => Promise<T>): Promise<T> {
    if (this.#locks.has(runId)) return work();
    const lock = await this.lock(runId);
    try {
      return await work();
    } finally {
      await lock.release();
    }
  }
}

/**
 * A {@link FsRunStore} on `dir`.
 *
 * @example
 * ```ts
 * const store = fsRunStore({ dir: "runs", onWarning: (w) => console.warn(w.file, w.message) });
 * ```
 */
export function fsRunStore(dir: string | FsRunStoreOptions): FsRunStore {
  return new FsRunStore(dir);
}

function checkedId(runId: string): string {
  assertValidRunId(runId);
  return runId;
}
