import { COMMON_FLAGS, type CommandInput, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import type { FlagSpecs } from "../args/parse-command-args.js";
import { UsageError } from "../args/usage-error.js";
import { loadSettings, type Settings } from "../config/settings.js";
import { requireSuitePath } from "../config/suite-and-scorers.js";
import {
  TASK_LIMIT_FLAGS,
  TASK_LIMIT_LABELS,
  type TaskLimits,
  taskLimits,
} from "../config/task-limit-flags.js";

/** What each of `--concurrency`, `--label`, `--run-id` and `--json` means for one command. */
export interface SweepFlagText {
  readonly concurrency: string;
  readonly label: string;
  readonly runId: string;
  readonly json: string;
}

/**
 * The flags of a command that runs the suite several times and stores the runs (`pairwise`,
 * `variants`): the command's own flags, then `--concurrency`, `--label`, `--run-id`,
 * `--timeout` and `--retries` (as `run` has them), `beforeJson`, `--json`, `--store` and the
 * common flags, in that order for `--help`.
 *
 * @example
 * ```ts
 * const flags = sweepFlags({ key: { type: "string", description: "rank by this key" } }, text);
 * ```
 */
export function sweepFlags(
  own: FlagSpecs,
  text: SweepFlagText,
  beforeJson: FlagSpecs = {},
): FlagSpecs {
  return {
    ...own,
    concurrency: { type: "string", valueName: "<n>", description: text.concurrency },
    label: { type: "string", valueName: "<label>", description: text.label },
    "run-id": { type: "string", valueName: "<id>", description: text.runId },
    ...TASK_LIMIT_FLAGS,
    ...beforeJson,
    json: { type: "boolean", description: text.json },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  };
}

/**
 * What such a command reads first: its flags, the settings (config file and store), the
 * suite path, which it cannot run without, and the per-task limits.
 *
 * @example
 * ```ts
 * const { flags, settings, suitePath } = await sweepStart("variants", input);
 * ```
 */
export async function sweepStart(
  command: string,
  { values, positionals, io }: CommandInput,
): Promise<{
  flags: ReturnType<typeof flagReader>;
  settings: Settings;
  suitePath: string;
  storeDir: string;
  limits: TaskLimits;
}> {
  const flags = flagReader(values);
  const settings = await loadSettings({ values, io });
  // read before any module loads, so a malformed --timeout does not wait for an import
  const limits = taskLimits(values, settings.config);
  if (settings.storeDir === null) {
    throw new UsageError(
      `ag2-eval ${command}: a PostgreSQL store keeps runs, not yet ${command === "pairwise" ? "pairwise comparisons" : "variant sweeps"}`,
      {
        hint: `pass --store <folder> to ${command}; run, list, show, trend, diff, export and grade take a postgres:// store`,
      },
    );
  }
  const suitePath = requireSuitePath({ command, given: positionals[0], settings, cwd: io.cwd });
  return { flags, settings, suitePath, storeDir: settings.storeDir, limits };
}

/**
 * The `runVariants` / `runPairwise` options for the per-task limits: only those given, and
 * the flags' names for what core records.
 *
 * @example
 * ```ts
 * runPairwise(suitePath, { ...options, ...taskLimitOptions(limits) });
 * ```
 */
export function taskLimitOptions(limits: TaskLimits): {
  taskTimeoutMs?: number;
  retries?: number;
  optionLabels: typeof TASK_LIMIT_LABELS;
} {
  return {
    ...(limits.taskTimeoutMs !== undefined && { taskTimeoutMs: limits.taskTimeoutMs }),
    ...(limits.retries !== undefined && { retries: limits.retries }),
    optionLabels: TASK_LIMIT_LABELS,
  };
}
