import { resolve } from "node:path";
import type {
  AgentInterface as Agent,
  AgentFactory,
  BudgetThresholds,
  ModelCacheMode,
  ModelConfig,
  Scorer,
  SuiteMapping,
} from "@ag2/eval";
import { parseShardSpec } from "@ag2/eval";
import { cacheModeFlag } from "../args/cache-mode.js";
import { flagReader } from "../args/flag-values.js";
import type { FlagValues } from "../args/parse-command-args.js";
import { DURATION_EXPECTED, parseDurationMs } from "../args/parse-duration.js";
import { UsageError } from "../args/usage-error.js";
import { loadAgent } from "../config/load-targets.js";
import type { Settings } from "../config/settings.js";
import { requireSuitePath, scorersFrom } from "../config/suite-and-scorers.js";
import { suiteMappingFrom } from "../config/suite-mapping-from.js";
import { taskLimits } from "../config/task-limit-flags.js";
import { type GatePlan, gatePlan } from "../gates/gate-plan.js";

/** Everything `ag2-eval run` needs, from flags over the config file. */
export interface RunPlan {
  readonly suitePath: string;
  /** How a CSV or JSON suite's columns map to task parts (`--map`, config `suiteMapping`). */
  readonly suiteMapping: SuiteMapping | undefined;
  readonly agent: Agent | AgentFactory;
  readonly scorers: Scorer[];
  readonly repeats: number | undefined;
  readonly concurrency: number | undefined;
  readonly label: string | undefined;
  readonly variant: string | undefined;
  readonly runId: string | undefined;
  readonly budgets: BudgetThresholds | undefined;
  readonly taskTimeoutMs: number | undefined;
  /** `--scorer-timeout` in milliseconds; undefined = the library's default. */
  readonly scorerTimeoutMs: number | undefined;
  readonly resume: string | undefined;
  /** `--allow-agent-change`: resume with an agent of another name. */
  readonly allowAgentChange: boolean;
  /** `--shard <i>/<n>`: run only that shard of the suite. */
  readonly shard: ReturnType<typeof parseShardSpec> | undefined;
  /** `--overwrite`: replace a run the store already holds under `runId`. */
  readonly overwrite: boolean;
  /** Retries after the first ask (`--retries`), core's `retries` as a number; undefined = none. */
  readonly retries: number | undefined;
  /** Run-wide limits; the CLI adds `costOf` from the price table when a cost limit is set. */
  readonly runBudget: RunBudgetPlan | undefined;
  /** The model cache mode (`--cache`, config `cache`); undefined = off. */
  readonly cache: ModelCacheMode | undefined;
  readonly otlpEndpoint: string | undefined;
  /** Absolute folder to save each task's spans in, or undefined. */
  readonly saveTraces: string | undefined;
  readonly modelConfig: ModelConfig | Readonly<Record<string, ModelConfig>> | undefined;
  readonly json: boolean;
  readonly gates: GatePlan;
}

/** The run-wide budget flags, normalized (durations in milliseconds). */
export interface RunBudgetPlan {
  readonly maxTokens: number | undefined;
  readonly maxCostUsd: number | undefined;
  readonly maxDurationMs: number | undefined;
}

/**
 * Merges flags over the config file (flags win) and loads the agent and scorer modules.
 *
 * @example
 * ```ts
 * const plan = await runPlan({ values, positionals, settings, cwd: io.cwd });
 * ```
 */
export async function runPlan(options: {
  values: FlagValues;
  positionals: readonly string[];
  settings: Settings;
  cwd: string;
}): Promise<RunPlan> {
  const { values, positionals, settings, cwd } = options;
  const { config, configDir } = settings;
  const flags = flagReader(values);
  const suitePath = requireSuitePath({ command: "run", given: positionals[0], settings, cwd });
  // Flags are checked before any module loads: a typo should not wait for an import.
  const budgetTokens = flags.integer("budget-tokens", { min: 1 }) ?? config.budgetTokens;
  const budgetSeconds =
    flags.number("budget-seconds", { min: 0, exclusive: true }) ?? config.budgetSeconds;
  const repeats = flags.integer("repeats", { min: 1 }) ?? config.repeats;
  const concurrency = flags.integer("concurrency", { min: 1 }) ?? config.concurrency;
  const { taskTimeoutMs, retries } = taskLimits(values, config);
  const runBudget = runBudgetPlan(values, settings);
  const scorerTimeoutMs = scorerTimeoutPlan(values);
  const suiteMapping = suiteMappingFrom({ values, settings });
  const cache = cacheModeFlag(flags.string("cache")) ?? config.cache;
  const resume = flags.string("resume");
  const shardFlag = flags.string("shard");
  const shard = shardFlag === undefined ? undefined : parseShardSpec(shardFlag);
  const overwrite = flags.boolean("overwrite") ?? false;
  if (overwrite && resume !== undefined) {
    throw new UsageError(
      `--overwrite and --resume ${resume} contradict each other: --overwrite starts the run again, --resume continues it`,
      { hint: "drop one of them" },
    );
  }
  const gates = gatePlan(values, settings);
  const agentFlag = flags.string("agent");
  const agent = await loadAgent(
    agentFlag !== undefined
      ? { value: agentFlag, baseDir: cwd, origin: "--agent" }
      : {
          value: config.agent,
          baseDir: configDir,
          origin: `${settings.configPath ?? "config"}: agent`,
        },
  );
  const scorers = await scorersFrom({ given: flags.string("scorers"), settings, cwd });
  return {
    suitePath,
    suiteMapping,
    agent,
    scorers,
    repeats,
    concurrency,
    label: flags.string("label") ?? config.label,
    variant: flags.string("variant") ?? config.variant,
    runId: flags.string("run-id") ?? config.runId,
    budgets:
      budgetTokens === undefined && budgetSeconds === undefined
        ? undefined
        : { maxTokensPerTask: budgetTokens ?? null, maxSecondsPerTask: budgetSeconds ?? null },
    taskTimeoutMs,
    scorerTimeoutMs,
    resume,
    allowAgentChange: allowAgentChange(flags),
    shard,
    overwrite,
    retries,
    runBudget,
    cache,
    otlpEndpoint: flags.string("otlp-endpoint") ?? config.otlpEndpoint,
    saveTraces: ((dir) => (dir === undefined ? undefined : resolve(cwd, dir)))(
      flags.string("save-traces"),
    ),
    modelConfig: config.modelConfig,
    json: flags.boolean("json") ?? false,
    gates,
  };
}

/** `--scorer-timeout`, a duration as `--max-duration` takes it, in milliseconds. */
export function scorerTimeoutPlan(values: FlagValues): number | undefined {
  return callTimeoutPlan(values, "scorer-timeout");
}

/**
 * A per-call deadline flag (`--scorer-timeout`, `--comparator-timeout`): a duration as
 * `--max-duration` takes it, in milliseconds; undefined when not given.
 *
 * @example
 * ```ts
 * const comparatorTimeoutMs = callTimeoutPlan(values, "comparator-timeout");
 * ```
 */
export function callTimeoutPlan(values: FlagValues, flag: string): number | undefined {
  const given = flagReader(values).string(flag);
  if (given === undefined) return undefined;
  const ms = parseDurationMs(given);
  if (ms === null || ms === undefined || ms <= 0 || ms >= 2 ** 31) {
    throw new UsageError(`--${flag}: got "${given}", expected ${DURATION_EXPECTED}`, {
      hint: `e.g. --${flag} 90s or --${flag} 10m`,
    });
  }
  return ms;
}

function runBudgetPlan(values: FlagValues, settings: Settings): RunBudgetPlan | undefined {
  const flags = flagReader(values);
  const { config } = settings;
  const maxTokens = flags.integer("max-tokens", { min: 1 }) ?? config.maxTokens;
  const maxCostUsd = flags.number("max-cost-usd", { min: 0, exclusive: true }) ?? config.maxCostUsd;
  const durationFlag = flags.string("max-duration");
  let maxDurationMs: number | undefined;
  if (durationFlag !== undefined) {
    maxDurationMs = parseDurationMs(durationFlag) ?? undefined;
    if (maxDurationMs === undefined) {
      throw new UsageError(`--max-duration: got "${durationFlag}", expected ${DURATION_EXPECTED}`, {
        hint: "e.g. --max-duration 90s or --max-duration 5m",
      });
    }
  } else if (config.maxDuration !== undefined) {
    // validateConfig already refused anything else
    maxDurationMs =
      typeof config.maxDuration === "number"
        ? Math.round(config.maxDuration)
        : (parseDurationMs(config.maxDuration) ?? undefined);
  }
  if (maxTokens === undefined && maxCostUsd === undefined && maxDurationMs === undefined) {
    return undefined;
  }
  return { maxTokens, maxCostUsd, maxDurationMs };
}

/** `--allow-agent-change` means something only when a run is resumed; alone it is a mistake. */
function allowAgentChange(flags: ReturnType<typeof flagReader>): boolean {
  const allowed = flags.boolean("allow-agent-change") ?? false;
  if (allowed && flags.string("resume") === undefined) {
    throw new UsageError("--allow-agent-change: given without --resume, where it has no effect", {
      hint: "pass it with --resume <run-id> to continue that run with another agent",
    });
  }
  return allowed;
}
