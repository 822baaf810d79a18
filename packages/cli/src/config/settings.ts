import { resolve } from "node:path";
import { type FsRunStore, fsRunStore, type StoreWarning } from "@ag2/eval";
import type { PostgresRunStore } from "@ag2/eval-store-postgres";
import { flagReader } from "../args/flag-values.js";
import type { FlagValues } from "../args/parse-command-args.js";
// types only: the PostgreSQL store (and pg) load only when a postgres:// store is given
import { UsageError } from "../args/usage-error.js";
import type { CliIo } from "../terminal/cli-io.js";
import type { Ag2EvalConfig } from "./define-config.js";
import { loadConfig } from "./load-config.js";

/** The default store folder, relative to the current folder. */
export const DEFAULT_STORE_DIR = ".ag2-eval/runs";

/** The environment variable naming the store when neither `--store` nor the config does. */
export const STORE_VARIABLE = "AG2_EVAL_STORE";

/** The config file's settings plus where relative paths in it are read from. */
export interface Settings {
  readonly config: Ag2EvalConfig;
  readonly configDir: string;
  readonly configPath: string | null;
  /**
   * The store folder, absolute (`--store`, else AG2_EVAL_STORE, else the config's `store`,
   * else the default); null when the store is a PostgreSQL database.
   */
  readonly storeDir: string | null;
  /** The `postgres://…` connection string when the store is a PostgreSQL database, else null. */
  readonly storeUrl: string | null;
}

/** A store the CLI reads and writes: a folder of run files, or a PostgreSQL database. */
export type CliStore = FsRunStore | PostgresRunStore;

/**
 * Loads the config file (if any) and resolves the store: `--store`, else AG2_EVAL_STORE, else
 * the config's `store`, else `.ag2-eval/runs`. A `postgres://` (or `postgresql://`) value names a
 * database; anything else a folder, relative to the current folder (the config's to its own).
 *
 * @example
 * ```ts
 * const { storeDir, storeUrl } = await loadSettings({ values, io });
 * ```
 */
export async function loadSettings(options: { values: FlagValues; io: CliIo }): Promise<Settings> {
  const flags = flagReader(options.values);
  const { cwd, env } = options.io;
  const loaded = await loadConfig({ cwd, explicitPath: flags.string("config") });
  const given = flags.string("store") ?? nonEmpty(env[STORE_VARIABLE]);
  const location =
    given !== undefined
      ? { text: given, base: cwd }
      : loaded.config.store !== undefined
        ? { text: loaded.config.store, base: loaded.dir }
        : { text: DEFAULT_STORE_DIR, base: cwd };
  const isUrl = /^postgres(ql)?:\/\//i.test(location.text);
  return {
    config: loaded.config,
    configDir: loaded.dir,
    configPath: loaded.path,
    storeDir: isUrl ? null : resolve(location.base, location.text),
    storeUrl: isUrl ? location.text : null,
  };
}

/**
 * The run store of the settings. A PostgreSQL store's package (and its driver) is imported
 * here, on first use, so commands on a folder never load it.
 *
 * @example
 * ```ts
 * const store = await openStore(await loadSettings({ values, io }));
 * ```
 */
export async function openStore(settings: Settings): Promise<CliStore> {
  if (settings.storeUrl === null) return fsRunStore(settings.storeDir ?? DEFAULT_STORE_DIR);
  const { postgresRunStore } = await import("@ag2/eval-store-postgres");
  return postgresRunStore(settings.storeUrl);
}

/** Where a saved run is, for people: the file, or the run id in the database (no password). */
export function savedLocation(store: CliStore, runId: string): string {
  return "pathOf" in store ? store.pathOf(runId) : `run ${runId} in ${store.location}`;
}

/** The files the store's latest listing skipped (a database store skips none). */
export function listingWarnings(store: CliStore): readonly StoreWarning[] {
  return "lastWarnings" in store ? store.lastWarnings : [];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/**
 * The folder store of a command that reads files beside the runs (the viewer reads journals,
 * a report may name a run file): a `postgres://` store is refused with a usage error.
 *
 * @example
 * ```ts
 * const store = folderStore(await loadSettings({ values, io }), "view");
 * ```
 */
export function folderStore(settings: Settings, command: string): FsRunStore {
  if (settings.storeDir === null) {
    throw new UsageError(
      `ag2-eval ${command}: reads a folder store; a PostgreSQL store is not supported yet`,
      {
        hint: `pass --store <folder> to ${command}; run, list, show, trend, diff, export and grade take a postgres:// store`,
      },
    );
  }
  return fsRunStore(settings.storeDir);
}
