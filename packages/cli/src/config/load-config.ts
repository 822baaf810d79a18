import { existsSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { Ag2EvalError } from "@ag2/eval";
import { ConfigError, UsageError } from "../args/usage-error.js";
import type { Ag2EvalConfig } from "./define-config.js";
import { importFile, moduleExports } from "./load-module.js";
import { validateConfig } from "./validate-config.js";

/** The file names looked for in the current folder, in order. */
export const CONFIG_FILE_NAMES = [
  "ag2-eval.config.ts",
  "ag2-eval.config.mts",
  "ag2-eval.config.js",
  "ag2-eval.config.mjs",
] as const;

/** What `--config` may name: modules that tsx or Node load. */
const MODULE_EXTENSIONS: readonly string[] = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"];

/** A loaded configuration and where it came from. */
export interface LoadedConfig {
  readonly config: Ag2EvalConfig;
  /** The config file, or null when none was found. */
  readonly path: string | null;
  /** The folder relative paths in the config are read from. */
  readonly dir: string;
}

/**
 * Loads `--config <path>`, or the first `ag2-eval.config.*` in `cwd`, and validates it.
 * No file means an empty configuration.
 *
 * @example
 * ```ts
 * const { config, dir } = await loadConfig({ cwd: process.cwd(), explicitPath: undefined });
 * ```
 */
export async function loadConfig(options: {
  cwd: string;
  explicitPath: string | undefined;
}): Promise<LoadedConfig> {
  const { cwd, explicitPath } = options;
  let path: string | undefined;
  if (explicitPath !== undefined) {
    path = resolve(cwd, explicitPath);
    if (!existsSync(path)) {
      throw new UsageError(`--config: cannot find ${path}`, {
        hint: "check the path passed to --config",
      });
    }
    const extension = extname(path).toLowerCase();
    if (!MODULE_EXTENSIONS.includes(extension)) {
      // importing a .json or .yaml file fails with a loader message that names no setting
      throw new UsageError(
        `--config: got ${extension ? `a ${extension} file` : "a file without an extension"} (${path}), expected a module (${MODULE_EXTENSIONS.join(", ")}) whose default export is defineConfig({ ... })`,
        { hint: "rename it ag2-eval.config.ts and write export default defineConfig({ ... })" },
      );
    }
  } else {
    path = CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((candidate) =>
      existsSync(candidate),
    );
  }
  if (path === undefined) return { config: {}, path: null, dir: cwd };
  let namespace: Record<string, unknown>;
  try {
    namespace = await importFile(path, "config");
  } catch (error) {
    throw new ConfigError({
      path,
      // any error of ours already says what is wrong; a foreign one keeps its type name
      problem: Ag2EvalError.isInstance(error) ? error.message : String(error),
      cause: error,
    });
  }
  const exports = moduleExports(namespace);
  const value = exports.default ?? exports.config;
  if (value === undefined) {
    throw new ConfigError({
      path,
      problem: "has no default export (expected export default defineConfig({ ... }))",
    });
  }
  return { config: validateConfig({ value, path }), path, dir: dirname(path) };
}
