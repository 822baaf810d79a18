import { resolve } from "node:path";
import type { Scorer } from "@ag2/eval";
import { UsageError } from "../args/usage-error.js";
import { loadScorers } from "./load-targets.js";
import type { Settings } from "./settings.js";
import { noteWatchedInput } from "./watched-inputs.js";

/**
 * The suite path of a command: the one on the command line (relative to the current folder),
 * else the config's `suite` (relative to the config file), else undefined.
 *
 * @example
 * ```ts
 * const suitePath = suitePathFrom({ given: positionals[0], settings, cwd: io.cwd });
 * ```
 */
export function suitePathFrom(options: {
  given: string | undefined;
  settings: Settings;
  cwd: string;
}): string | undefined {
  const { given, settings } = options;
  if (given !== undefined) return resolve(options.cwd, given);
  return settings.config.suite === undefined
    ? undefined
    : resolve(settings.configDir, settings.config.suite);
}

/**
 * Like {@link suitePathFrom}, for the commands that cannot run without a suite.
 *
 * @example
 * ```ts
 * const suitePath = requireSuitePath({ command: "variants", given: positionals[0], settings, cwd });
 * ```
 */
export function requireSuitePath(options: {
  command: string;
  given: string | undefined;
  settings: Settings;
  cwd: string;
}): string {
  const path = suitePathFrom(options);
  if (path === undefined) {
    throw new UsageError(`ag2-eval ${options.command}: missing <suite.jsonl>`, {
      hint: "pass the suite, or set suite in ag2-eval.config.ts",
    });
  }
  noteWatchedInput(path, "suite");
  return path;
}

/**
 * The scorers of a command: `--scorers` when given, else the config's `scorers`.
 *
 * @example
 * ```ts
 * const scorers = await scorersFrom({ given: flags.string("scorers"), settings, cwd: io.cwd });
 * ```
 */
export function scorersFrom(options: {
  given: string | undefined;
  settings: Settings;
  cwd: string;
}): Promise<Scorer[]> {
  const { given, settings } = options;
  return loadScorers(
    given !== undefined
      ? { value: given, baseDir: options.cwd, origin: "--scorers" }
      : {
          value: settings.config.scorers,
          baseDir: settings.configDir,
          origin: `${settings.configPath ?? "config"}: scorers`,
        },
  );
}
