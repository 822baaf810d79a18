import { ERROR_LIMIT_EXPECTED, type ErrorLimit, parseErrorLimit } from "../args/error-limit.js";
import { flagReader, parseMinPassRates } from "../args/flag-values.js";
import type { FlagValues } from "../args/parse-command-args.js";
import { UsageError } from "../args/usage-error.js";
import type { Settings } from "../config/settings.js";

/** The gates to check after a run or a diff. */
export interface GatePlan {
  readonly minPassRate: Readonly<Record<string, number>>;
  readonly failOnRegression: boolean;
  /** Fail on a "regression" verdict of `compareRuns` against the baseline. */
  readonly failOnSignificantRegression: boolean;
  /** An explicit baseline run id; otherwise the newest run with the same label. */
  readonly baseline: string | undefined;
  /** `--max-errors`; null when not given (a run whose every task errored fails anyway). */
  readonly maxErrors: ErrorLimit | null;
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
    maxErrors: maxErrorsOf(flags.string("max-errors"), settings),
  };
}

/** The flag wins over the config file, whose value the config check already accepted. */
function maxErrorsOf(flag: string | undefined, settings: Settings): ErrorLimit | null {
  if (flag !== undefined) {
    const limit = parseErrorLimit(flag);
    if (limit === null) {
      throw new UsageError(`--max-errors: got "${flag}", expected ${ERROR_LIMIT_EXPECTED}`, {
        hint: "e.g. --max-errors 0 (no errors allowed) or --max-errors 5%",
      });
    }
    return limit;
  }
  const configured = settings.config.maxErrors;
  return configured === undefined ? null : parseErrorLimit(configured);
}
