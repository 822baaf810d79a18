import { InvalidOptionError } from "../errors/invalid-option-error.js";
import type { StopReason } from "../result/stop-reason.js";
import type { TaskResult } from "../result/task-result.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import type { Trace } from "../trace/trace.js";

/**
 * Option `runBudget` of `runAgent`: limits for the whole run, checked before each task
 * starts. Once one is reached no new task starts, running ones finish, and the run is saved
 * with a `stopReason` (resumable with a raised budget).
 *
 * @example
 * ```ts
 * await runAgent(suite, { ...options, runBudget: { maxTokens: 200_000, maxDurationMs: 3_600_000 } });
 * ```
 */
export interface RunBudget {
  /** Tokens (input + output) over the graded tasks. */
  readonly maxTokens?: number | undefined;
  /** Dollars over the graded tasks, as `costOf` prices them (required with this limit). */
  readonly maxCostUsd?: number | undefined;
  /** Milliseconds since this call started. */
  readonly maxDurationMs?: number | undefined;
  /** The cost of one graded trace in USD. */
  readonly costOf?: ((trace: Trace) => number) | undefined;
}

const LIMITS = [
  ["maxTokens", "tokens"],
  ["maxCostUsd", "costUsd"],
  ["maxDurationMs", "durationMs"],
] as const;

/** Checks option `runBudget`; null when absent. */
export function checkRunBudget(value: unknown, caller: string): RunBudget | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object") {
    throw new InvalidOptionError(
      "runBudget",
      `${caller}: option 'runBudget' must be an object like { maxTokens: 100000 }; got ${typeof value} ${String(value)}`,
    );
  }
  const budget = value as RunBudget;
  for (const [name] of LIMITS) {
    const limit = budget[name];
    if (limit !== undefined && !(typeof limit === "number" && limit >= 0 && limit < Infinity)) {
      throw new InvalidOptionError(
        "runBudget",
        `${caller}: option 'runBudget.${name}' must be a finite number >= 0; got ${String(limit)}`,
      );
    }
  }
  if (budget.costOf !== undefined && typeof budget.costOf !== "function") {
    throw new InvalidOptionError(
      "runBudget",
      `${caller}: option 'runBudget.costOf' must be a function (trace) => USD; got ${typeof budget.costOf}`,
    );
  }
  if (budget.maxCostUsd !== undefined && budget.costOf === undefined) {
    throw new InvalidOptionError(
      "runBudget",
      `${caller}: option 'runBudget.maxCostUsd' needs 'runBudget.costOf' (trace) => USD to price each task; got no costOf`,
    );
  }
  return budget;
}

/**
 * What a run has used of its budget: tokens and cost summed over graded tasks (those of a
 * resumed run's journal included), time since `startedAt`.
 */
export class RunBudgetMeter {
  readonly #budget: RunBudget;
  readonly #startedAt: number;
  readonly #warnings: string[];
  #tokens = 0;
  #costUsd = 0;
  #costFailed = false;

  constructor(budget: RunBudget, options: { startedAt: number; warnings: string[] }) {
    this.#budget = budget;
    this.#startedAt = options.startedAt;
    this.#warnings = options.warnings;
  }

  /** Counts one graded task. A `costOf` that throws or returns no valid number counts 0 (warned once). */
  add(result: TaskResult): void {
    this.#tokens += result.trace.tokens.total;
    const { costOf } = this.#budget;
    if (!costOf) return;
    let cost: unknown;
    try {
      cost = costOf(result.trace);
    } catch (error) {
      const info = toErrorInfo(error);
      cost = `${info.type}: ${info.message}`;
    }
    if (typeof cost === "number" && Number.isFinite(cost) && cost >= 0) {
      this.#costUsd += cost;
    } else if (!this.#costFailed) {
      this.#costFailed = true;
      this.#warnings.push(
        `runBudget.costOf failed on task ${result.task.taskId} (counted as 0 USD): expected a number >= 0; got ${String(cost)}`,
      );
    }
  }

  /** The first limit reached (tokens, then cost, then time), or null to go on. */
  reached(): StopReason | null {
    const used = {
      tokens: this.#tokens,
      costUsd: this.#costUsd,
      durationMs: Math.trunc(performance.now() - this.#startedAt),
    };
    for (const [name, budget] of LIMITS) {
      const limit = this.#budget[name];
      if (limit !== undefined && used[budget] >= limit) {
        return { budget, limit, used: used[budget] };
      }
    }
    return null;
  }
}
