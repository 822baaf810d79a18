import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
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
import type { JournalContents, JournalHeader, RunJournal } from "@ag2/eval-core/internal";
import { assertValidRunId } from "./invalid-run-id-error.js";
import { openJournalFile, readJournalFile, removeJournalFile } from "./journal-file.js";
import { readJsonArtifact, saveJsonArtifact } from "./json-artifact.js";
import { parseRunText, readTextIfExists } from "./load-run.js";
import { runInfoOf } from "./read-run-info.js";
import { runFileChunks } from "./run-file-chunks.js";
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
const LIST_READ_AHEAD = 16;
const JOURNAL_SUFFIX = ".journal.jsonl";
const MANIFEST_SUFFIX = ".variants.json";

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

  async save(result: RunResult): Promise<void> {
    const path = this.pathOf(result.runId);
    await this.#ensureDir();
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
    const warnings: StoreWarning[] = [];
    const infos: RunInfo[] = [];
    const files = (await this.#runFileNames()).map((name) => join(this.dir, name));
    // reads overlap in windows (the parsing is the CPU's anyway); results keep name order
    const texts: Promise<string>[] = [];
    const readAhead = (index: number): void => {
      const file = files[index];
      if (file === undefined) return;
      const text = readFile(file, "utf8");
      text.catch(() => {}); // reported when its turn comes
      texts[index] = text;
    };
    for (let index = 0; index < LIST_READ_AHEAD; index++) readAhead(index);
    for (const [index, file] of files.entries()) {
      readAhead(index + LIST_READ_AHEAD);
      try {
        const info = runInfoOf(await (texts[index] as Promise<string>), file);
        delete texts[index];
        if (info === null) continue;
        if (options.label === undefined || info.label === options.label) infos.push(info);
      } catch (error) {
        const warning = { file, message: error instanceof Error ? error.message : String(error) };
        warnings.push(warning);
        try {
          this.#onWarning?.(warning);
        } catch {
          // An observer must not break listing.
        }
      }
    }
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

  /** Removes the run file and its journal, if any; rejects when neither exists. */
  async delete(runId: string): Promise<void> {
    const path = this.pathOf(runId);
    const journal = this.journalPathOf(runId);
    const existed = (await exists(path)) || (await exists(journal));
    if (!existed) throw new RunNotFoundError({ runId, path });
    try {
      await rm(path, { force: true });
      await removeJournalFile(journal);
    } catch (error) {
      throw new StoreFolderError({ path, operation: "delete", cause: error });
    }
  }

  /**
   * Starts recording a run. When a journal with the same header (run id, start time, task
   * ids) exists, as when `runAgent` resumes after a crash, recording continues after its
   * last complete line; otherwise a new journal replaces any earlier one.
   */
  async openJournal(header: JournalHeader): Promise<RunJournal> {
    const path = this.journalPathOf(header.runId);
    await this.#ensureDir();
    try {
      return await openJournalFile(path, header);
    } catch (error) {
      throw new StoreFolderError({ path, operation: "write", cause: error });
    }
  }

  async readJournal(runId: string): Promise<JournalContents | null> {
    return readJournalFile(this.journalPathOf(runId));
  }

  async discardJournal(runId: string): Promise<void> {
    await removeJournalFile(this.journalPathOf(runId));
  }

  /**
   * Saves the manifest of a `runVariants` sweep as `<dir>/<run_id>.variants.json` (the
   * variant runs themselves are ordinary run files). Listing skips manifests.
   */
  async saveManifest(manifest: VariantManifest): Promise<void> {
    const path = join(this.dir, `${checkedId(manifest.run_id)}${MANIFEST_SUFFIX}`);
    await this.#ensureDir();
    await saveJsonArtifact(path, manifest);
  }

  /** The manifest of the sweep `runId`, or null when there is none. */
  async loadManifest(runId: string): Promise<VariantManifest | null> {
    const path = join(this.dir, `${checkedId(runId)}${MANIFEST_SUFFIX}`);
    const json = (await readJsonArtifact(path)) as VariantManifest | null;
    if (
      json !== null &&
      (json?.schema !== "ag2-eval.variants/1" || !Array.isArray(json.variants))
    ) {
      throw new StoreFolderError({
        path,
        operation: "read",
        cause: new Error(
          `expected a variants manifest (schema "ag2-eval.variants/1"), got ${JSON.stringify(json?.schema)}`,
        ),
      });
    }
    return json;
  }

  /**
   * Saves a pairwise comparison as `<dir>/<run_id>.json`, the reference's name for it.
   * Listing skips pairwise files; `loadPairwise` reads one back.
   */
  async savePairwise(result: PairwiseRunResult): Promise<void> {
    const path = this.pathOf(result.runId);
    await this.#ensureDir();
    await saveJsonArtifact(path, result.toJSON());
  }

  /** The pairwise comparison saved under `runId`; rejects when there is none. */
  async loadPairwise(runId: string): Promise<PairwiseRunResult> {
    const path = this.pathOf(runId);
    const json = await readJsonArtifact(path);
    if (json === null) throw new RunNotFoundError({ runId, path });
    return PairwiseRunResult.fromJSON(json, { source: path });
  }

  async #ensureDir(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw new StoreFolderError({ path: this.dir, operation: "create the folder", cause: error });
    }
  }

  async #runFileNames(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw new StoreFolderError({ path: this.dir, operation: "list", cause: error });
    }
    return names.filter((name) => name.endsWith(RUN_SUFFIX) && !name.startsWith(".")).sort();
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

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
