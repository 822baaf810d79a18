import { existsSync, type FSWatcher, watch } from "node:fs";
import { basename, dirname, join } from "node:path";

/** What {@link FileWatcher} reports after a quiet spell. */
export interface FileChanges {
  /** Files written, created or back after a deletion. */
  readonly changed: readonly string[];
  /** Files that are gone (reported once, until they reappear). */
  readonly deleted: readonly string[];
}

/**
 * Watches a set of files and reports their changes in batches, once no event came for
 * `debounceMs` (an editor's save is often several events: truncate, write, rename).
 * Folders are watched rather than files, so a file replaced by a rename (as many editors
 * save) or deleted and created again is still seen.
 *
 * @example
 * ```ts
 * const watcher = new FileWatcher({ debounceMs: 150, onChanges: ({ changed }) => rerun(changed) });
 * watcher.watch(["/project/src/scorers.ts"]);
 * ```
 */
export class FileWatcher {
  readonly #debounceMs: number;
  readonly #onChanges: (changes: FileChanges) => void;
  readonly #onError: (error: Error, dir: string) => void;
  readonly #folders = new Map<string, { watcher: FSWatcher; names: Set<string> }>();
  readonly #missing = new Set<string>();
  readonly #pending = new Set<string>();
  #timer: NodeJS.Timeout | null = null;

  constructor(options: {
    debounceMs: number;
    onChanges: (changes: FileChanges) => void;
    /** A folder that can no longer be watched (deleted, or over the system's watch limit). */
    onError?: (error: Error, dir: string) => void;
  }) {
    this.#debounceMs = options.debounceMs;
    this.#onChanges = options.onChanges;
    this.#onError = options.onError ?? (() => {});
  }

  /** Replaces the watched set with `files` (absolute paths). */
  watch(files: Iterable<string>): void {
    const wanted = new Map<string, Set<string>>();
    for (const file of files) {
      const dir = dirname(file);
      const names = wanted.get(dir) ?? new Set<string>();
      names.add(basename(file));
      wanted.set(dir, names);
    }
    for (const [dir, folder] of this.#folders) {
      if (!wanted.has(dir)) {
        folder.watcher.close();
        this.#folders.delete(dir);
      }
    }
    for (const [dir, names] of wanted) {
      const folder = this.#folders.get(dir);
      if (folder) folder.names = names;
      else this.#open(dir, names);
    }
  }

  /** The number of files watched. */
  get size(): number {
    let count = 0;
    for (const folder of this.#folders.values()) count += folder.names.size;
    return count;
  }

  /** Watched files seen deleted and not back yet. */
  get missing(): ReadonlySet<string> {
    return this.#missing;
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const folder of this.#folders.values()) folder.watcher.close();
    this.#folders.clear();
  }

  #open(dir: string, names: Set<string>): void {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true }, (_event, name) => {
        const entry = this.#folders.get(dir);
        if (name !== null && entry?.names.has(String(name))) this.#note(join(dir, String(name)));
      });
    } catch (error) {
      this.#onError(error as Error, dir);
      return;
    }
    watcher.on("error", (error) => {
      watcher.close();
      this.#folders.delete(dir);
      this.#onError(error, dir);
    });
    this.#folders.set(dir, { watcher, names });
  }

  #note(path: string): void {
    this.#pending.add(path);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), this.#debounceMs);
  }

  #flush(): void {
    this.#timer = null;
    const changed: string[] = [];
    const deleted: string[] = [];
    for (const path of this.#pending) {
      if (existsSync(path)) {
        this.#missing.delete(path);
        changed.push(path);
      } else if (!this.#missing.has(path)) {
        this.#missing.add(path);
        deleted.push(path);
      }
    }
    this.#pending.clear();
    if (changed.length > 0 || deleted.length > 0) this.#onChanges({ changed, deleted });
  }
}
