import { resolve } from "node:path";
import { type FsRunStore, fsRunStore } from "@ag2/eval";
import { flagReader } from "../args/flag-values.js";
import type { FlagValues } from "../args/parse-command-args.js";
import type { CliIo } from "../terminal/cli-io.js";
import type { Ag2EvalConfig } from "./define-config.js";
import { loadConfig } from "./load-config.js";

/** The default store folder, relative to the current folder. */
export const DEFAULT_STORE_DIR = ".ag2-eval/runs";

/** The config file's settings plus where relative paths in it are read from. */
export interface Settings {
  readonly config: Ag2EvalConfig;
  readonly configDir: string;
  readonly configPath: string | null;
  /** The store folder, absolute: `--store`, else the config's `store`, else the default. */
  readonly storeDir: string;
}

/**
 * Loads the config file (if any) and resolves the store folder: flags are relative to the
 * current folder, config paths to the config file's folder.
 *
 * @example
 * ```ts
 * const { storeDir } = await loadSettings({ values, io });
 * ```
 */
export async function loadSettings(options: { values: FlagValues; io: CliIo }): Promise<Settings> {
  const flags = flagReader(options.values);
  const { cwd } = options.io;
  const loaded = await loadConfig({ cwd, explicitPath: flags.string("config") });
  const flagStore = flags.string("store");
  const storeDir =
    flagStore !== undefined
      ? resolve(cwd, flagStore)
      : loaded.config.store !== undefined
        ? resolve(loaded.dir, loaded.config.store)
        : resolve(cwd, DEFAULT_STORE_DIR);
  return { config: loaded.config, configDir: loaded.dir, configPath: loaded.path, storeDir };
}

/**
 * The run store of the settings.
 *
 * @example
 * ```ts
 * const store = openStore(await loadSettings({ values, io }));
 * ```
 */
export function openStore(settings: Settings): FsRunStore {
  return fsRunStore(settings.storeDir);
}
