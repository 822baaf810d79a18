import type {
  AgentInterface as Agent,
  AgentFactory,
  ModelCacheMode,
  ModelConfig,
  PriceTable,
  Scorer,
  SuiteMapping,
} from "@ag2/eval";

/**
 * The settings of `ag2-eval.config.ts`. Every one has a flag of the same name (kebab-case);
 * a flag overrides the file. Relative paths are read from the config file's folder.
 *
 * @example
 * ```ts
 * const config: Ag2EvalConfig = { suite: "evals/qa.jsonl", agent: "./src/agent.ts#qaAgent", minPassRate: { correct: 0.9 } };
 * ```
 */
export interface Ag2EvalConfig {
  /** The suite (`.jsonl`, `.csv` or `.json`) `ag2-eval run` uses when no suite argument is given. */
  readonly suite?: string;
  /**
   * Which columns (CSV) or fields (JSON array) hold each task part, e.g.
   * `{ taskId: "id", inputs: { input: "question" }, referenceOutputs: { answer: "gold" } }`;
   * parts left out use the default mapping. `--map <part>=<column>` replaces one part.
   */
  readonly suiteMapping?: SuiteMapping;
  /** An agent or factory, or a module spec `path[#export]`. */
  readonly agent?: Agent | AgentFactory | string;
  /** Scorers, or a module spec `path[#export]` exporting them. */
  readonly scorers?: Iterable<Scorer> | string;
  /** Where runs are kept; `.ag2-eval/runs` by default. */
  readonly store?: string;
  readonly repeats?: number;
  readonly concurrency?: number;
  readonly label?: string;
  readonly variant?: string;
  readonly runId?: string;
  /** Per-task token budget: observational, a task over it is counted as a budget violation, never stopped. */
  readonly budgetTokens?: number;
  /** Per-task time budget in seconds. */
  readonly budgetSeconds?: number;
  /**
   * Per-task timeout, retries included: seconds as a number, or a string such as `"1.5s"` or
   * `"500ms"` (a bare number in a string is seconds too). A task over it is aborted and
   * recorded as an error.
   */
  readonly timeout?: number | string;
  /** Retries after the first ask when a task fails with a transient model error (with backoff). */
  readonly retries?: number;
  /** Run-wide token budget: no task starts once the run used this many (exit 3, resumable). */
  readonly maxTokens?: number;
  /** Run-wide cost budget in USD, priced with the scorers' price table (exit 3, resumable). */
  readonly maxCostUsd?: number;
  /** Run-wide time budget: milliseconds, or a string such as `"90s"` or `"5m"`. */
  readonly maxDuration?: number | string;
  /**
   * Prices for `maxCostUsd`, USD per million tokens (the scorers' `ModelPrice`: `input`,
   * `output`, optional `cachedInput`), merged over `DEFAULT_PRICES`; a key matches a model id
   * exactly or by its longest prefix. Use it for models the default table does not know.
   * File-only: there is no flag for it.
   */
  readonly prices?: PriceTable;
  /**
   * Cache model calls in `<store>/cache`: `off` (default), `read-write`, `replay` (a call with
   * no stored answer fails its task) or `record`. Reaches agents through `ask`'s `fetch`; see
   * the agent package's "Caching model calls".
   */
  readonly cache?: ModelCacheMode;
  /** An OTLP/HTTP traces endpoint that receives every span as well. */
  readonly otlpEndpoint?: string;
  /** Gates: the lowest acceptable pass rate per scorer key. */
  readonly minPassRate?: Readonly<Record<string, number>>;
  /** Gate: fail when a task flips from pass to fail against the baseline. */
  readonly failOnRegression?: boolean;
  /**
   * Gate: fail only when `compareRuns(baseline, run)` finds a statistically significant
   * regression on some key (paired test and interval agree), not on any single flip.
   */
  readonly failOnSignificantRegression?: boolean;
  /** The run to compare against (default: the newest run with the same label). */
  readonly baseline?: string;
  /** Passed to `runAgent` as `modelConfig` (one config, or a map by task id). */
  readonly modelConfig?: ModelConfig | Readonly<Record<string, ModelConfig>>;
}

/**
 * Types an `ag2-eval.config.ts` file; returns its argument unchanged.
 *
 * @example
 * ```ts
 * import { defineConfig } from "@ag2/eval-cli";
 * import { weatherAgent } from "./src/agent.js";
 *
 * export default defineConfig({ suite: "suite.jsonl", agent: weatherAgent, concurrency: 4 });
 * ```
 */
export function defineConfig(config: Ag2EvalConfig): Ag2EvalConfig {
  return config;
}
