import { flagReader } from "../args/flag-values.js";
import type { FlagSpecs, FlagValues } from "../args/parse-command-args.js";
import { parseDurationMs, SECONDS_DURATION_EXPECTED } from "../args/parse-duration.js";
import { UsageError } from "../args/usage-error.js";
import type { Ag2EvalConfig } from "./define-config.js";

/** `--timeout` and `--retries`: the same flags, read the same way, for run, variants and pairwise. */
export const TASK_LIMIT_FLAGS: FlagSpecs = {
  timeout: {
    type: "string",
    valueName: "<30|1.5s|500ms>",
    description:
      "abort a task after this long, retries included (a bare number is seconds); recorded as its error",
  },
  retries: {
    type: "string",
    valueName: "<n>",
    description:
      "ask a task up to n more times after a transient error (429, 5xx), with backoff (default 0)",
  },
};

/** How core's recorded texts name the limits the CLI sets: by their flags. */
export const TASK_LIMIT_LABELS = { taskTimeoutMs: "--timeout" } as const;

/** The per-task limits of a command, flags over the config file. */
export interface TaskLimits {
  readonly taskTimeoutMs: number | undefined;
  /** Retries after the first ask (`--retries`), as core's `retries` option counts a number. */
  readonly retries: number | undefined;
}

/**
 * Reads `--timeout` and `--retries` (else the config's `timeout` and `retries`), refusing a
 * malformed value with a usage error naming the flag.
 *
 * @example
 * ```ts
 * const { taskTimeoutMs, retries } = taskLimits(values, settings.config);
 * ```
 */
export function taskLimits(values: FlagValues, config: Ag2EvalConfig): TaskLimits {
  const flags = flagReader(values);
  const retries = flags.integer("retries", { min: 0 }) ?? config.retries;
  const given = flags.string("timeout");
  if (given === undefined) {
    return { taskTimeoutMs: timeoutOf(config.timeout), retries };
  }
  const taskTimeoutMs = parseDurationMs(given, { bareUnit: "s" });
  if (taskTimeoutMs === null) {
    throw new UsageError(`--timeout: got "${given}", expected ${SECONDS_DURATION_EXPECTED}`, {
      hint: "e.g. --timeout 30 (seconds), --timeout 1.5s or --timeout 500ms",
    });
  }
  return { taskTimeoutMs, retries };
}

/** The config's `timeout` in milliseconds; validateConfig already refused anything else. */
function timeoutOf(timeout: number | string | undefined): number | undefined {
  if (timeout === undefined) return undefined;
  if (typeof timeout === "number") return Math.round(timeout * 1000);
  return parseDurationMs(timeout, { bareUnit: "s" }) ?? undefined;
}
