import { COMMON_FLAGS, type CommandInput, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import type { FlagSpecs } from "../args/parse-command-args.js";
import { UsageError } from "../args/usage-error.js";
import { loadSettings, type Settings } from "../config/settings.js";
import { requireSuitePath } from "../config/suite-and-scorers.js";

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
 * `beforeJson`, `--json`, `--store` and the common flags, in that order for `--help`.
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
    ...beforeJson,
    json: { type: "boolean", description: text.json },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  };
}

/**
 * What such a command reads first: its flags, the settings (config file and store) and the
 * suite path, which it cannot run without.
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
}> {
  const flags = flagReader(values);
  const settings = await loadSettings({ values, io });
  if (settings.storeDir === null) {
    throw new UsageError(
      `ag2-eval ${command}: a PostgreSQL store keeps runs, not yet ${command === "pairwise" ? "pairwise comparisons" : "variant sweeps"}`,
      {
        hint: `pass --store <folder> to ${command}; run, list, show, trend, diff, export and grade take a postgres:// store`,
      },
    );
  }
  const suitePath = requireSuitePath({ command, given: positionals[0], settings, cwd: io.cwd });
  return { flags, settings, suitePath, storeDir: settings.storeDir };
}
