import { flagReader, parseMinPassRates } from "../args/flag-values.js";
import type { FlagValues } from "../args/parse-command-args.js";
import type { Settings } from "../config/settings.js";

/** The gates to check after a run or a diff. */
export interface GatePlan {
  readonly minPassRate: Readonly<Record<string, number>>;
  readonly failOnRegression: boolean;
  /** Fail on a "regression" verdict of `compareRuns` against the baseline. */
  readonly failOnSignificantRegression: boolean;
  /** An explicit baseline run id; otherwise the newest run with the same label. */
  readonly baseline: string | undefined;
}

/** The flags shared by `run` and `grade` for the gates. */
export function gatePlan(values: FlagValues, settings: Settings): GatePlan {
  const flags = flagReader(values);
  return {
    minPassRate: {
      ...(settings.config.minPassRate ?? {}),
      ...parseMinPassRates(flags.list("min-pass-rate")),
    },
    failOnRegression:
      flags.boolean("fail-on-regression") ?? settings.config.failOnRegression ?? false,
    failOnSignificantRegression:
      flags.boolean("fail-on-significant-regression") ??
      settings.config.failOnSignificantRegression ??
      false,
    baseline: flags.string("baseline") ?? settings.config.baseline,
  };
}
