import { resolve } from "node:path";
import { createStream, type Scorer, type Stream } from "@ag2/eval";
import type { CliIo } from "./cli-io.js";
import { colors } from "./colors.js";
import { loadScorers } from "./load-targets.js";
import {
  createProgressRenderer,
  type ProgressRenderer,
  progressMode,
} from "./progress-renderer.js";
import type { Settings } from "./settings.js";
import { UsageError } from "./usage-error.js";

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

/**
 * A lifecycle-event stream whose events drive the progress display on stderr: a live line on
 * a terminal, one line per task otherwise, nothing extra with `--json`.
 *
 * @example
 * ```ts
 * const { stream, progress } = progressStream({ io, json: false });
 * try { await runAgent(suite, { ...options, stream }); } finally { progress.stop(); }
 * ```
 */
export function progressStream(options: { io: CliIo; json: boolean }): {
  stream: Stream;
  progress: ProgressRenderer;
} {
  const { io } = options;
  const progress = createProgressRenderer({
    mode: progressMode({ isTTY: io.stderr.isTTY, env: io.env, json: options.json }),
    write: (text) => io.stderr.write(text),
    colors: colors({ isTTY: io.stderr.isTTY, env: io.env }),
  });
  const stream = createStream();
  stream.subscribe((event) => progress.handle(event));
  return { stream, progress };
}

/**
 * Runs `work` with a {@link progressStream}'s stream and stops the progress display when it
 * settles, either way.
 *
 * @example
 * ```ts
 * const result = await withProgress({ io, json, work: (stream) => runPairwise(suite, { ...options, stream }) });
 * ```
 */
export async function withProgress<T>(options: {
  io: CliIo;
  json: boolean;
  work: (stream: Stream) => Promise<T>;
}): Promise<T> {
  const { stream, progress } = progressStream(options);
  try {
    return await options.work(stream);
  } finally {
    progress.stop();
  }
}
