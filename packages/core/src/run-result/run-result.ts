import { diffRuns, type RunDiff } from "../compare/run-diff.js";
import {
  type Aggregates,
  computeAggregates,
  EMPTY_SCORE_STATS,
  type ScoreStats,
} from "../result/aggregates.js";
import type { RunData, RunResultInit, SuiteInfo } from "../result/run-data.js";
import { runSummary, type SummaryOptions } from "../result/run-summary.js";
import type { StopReason } from "../result/stop-reason.js";
import type { TaskResult } from "../result/task-result.js";
import { type ReadOptions, runInitFromJSON } from "../run-file/read-run-file.js";
import { type RunJSON, runResultToJSON } from "../run-file/write-run-file.js";
import type { ScoreDirection } from "../scoring/scorer.js";
import type { ErrorInfo } from "../trace/trace-events.js";

/**
 * The results of one evaluation run: every graded task, in suite order, and their
 * aggregates (computed once, at construction).
 *
 * @example
 * ```ts
 * const result = await runAgent(suite, options);
 * result.passRate("correct"); // 0.8
 * console.log(result.summary());
 * ```
 */
export class RunResult implements RunData {
  readonly schemaVersion = "0.1" as const;
  readonly runId: string;
  readonly tasks: readonly TaskResult[];
  readonly suite: SuiteInfo;
  readonly target: string;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly createdAt: string;
  readonly label: string | null;
  /** See {@link RunResultInit.warnings}; empty when the run had none. */
  readonly warnings: readonly string[];
  /** See {@link RunResultInit.stopReason}; null for a run that graded every task. */
  readonly stopReason: StopReason | null;
  /**
   * Why the store could not save this run, or null (saved, or no store). A run with a save
   * error is finished but not saved: its journal is kept, and `resume` with its id saves it.
   *
   * @example
   * ```ts
   * if (result.saveError) console.error(`not saved: ${result.saveError.message}; resume ${result.runId}`);
   * ```
   */
  readonly saveError: ErrorInfo | null;
  /** See {@link RunResultInit.extraFields}; empty when there are none. */
  readonly extraFields: Readonly<Record<string, unknown>>;
  /** See {@link RunResultInit.scoreDirections}; empty when no scorer declared one. */
  readonly scoreDirections: Readonly<Record<string, ScoreDirection>>;
  readonly aggregates: Aggregates;
  readonly #byTag = new Map<string, Aggregates>();

  constructor(init: RunResultInit) {
    this.runId = init.runId;
    this.tasks = Object.freeze([...init.tasks]);
    this.suite = init.suite;
    this.target = init.target;
    this.concurrency = init.concurrency;
    this.durationMs = init.durationMs;
    this.createdAt = init.createdAt;
    this.label = init.label ?? null;
    this.warnings = Object.freeze([...(init.warnings ?? [])]);
    this.stopReason = init.stopReason ?? null;
    this.saveError = init.saveError ?? null;
    this.extraFields = init.extraFields ?? {};
    this.scoreDirections = Object.freeze({ ...init.scoreDirections });
    this.aggregates = computeAggregates(this.tasks);
  }

  /** Every tag on any task. */
  get tags(): ReadonlySet<string> {
    return new Set(this.tasks.flatMap((result) => result.task.tags));
  }

  /** Pass rate of a boolean key (0 when absent); with `tag`, over the tasks carrying it. */
  passRate(key: string, options: { tag?: string } = {}): number {
    return this.#slice(options.tag).passRate[key] ?? 0;
  }

  /** Score statistics of a numeric key (zeros when absent); with `tag`, over that slice. */
  scoreStats(key: string, options: { tag?: string } = {}): ScoreStats {
    return this.#slice(options.tag).scoreStats[key] ?? EMPTY_SCORE_STATS;
  }

  /** A copy of the label counts of a key (`{}` when absent); with `tag`, over that slice. */
  valueCounts(key: string, options: { tag?: string } = {}): Record<string, number> {
    return { ...(this.#slice(options.tag).valueCounts[key] ?? {}) };
  }

  /**
   * Compares this run with `baseline`. With `strict` (the default) any
   * mismatch — tasks or scorers in one run only, changed task content — throws
   * {@link RunsNotComparableError}; with `strict: false` the overlap is diffed.
   */
  diff(baseline: RunResult, options: { strict?: boolean } = {}): RunDiff {
    return diffRuns(this, baseline, options);
  }

  /**
   * Plain-text report, line for line as the reference's; `{ readable: true }` writes it for
   * people (significant digits, tasks × repeats), as the CLI prints it.
   *
   * @example
   * ```ts
   * console.log(result.summary({ readable: true }));
   * ```
   */
  summary(options: SummaryOptions = {}): string {
    return runSummary(this, options);
  }

  /** The run file object, schema "0.1"; `JSON.stringify` calls it. */
  toJSON(): RunJSON {
    return runResultToJSON(this);
  }

  /**
   * Rebuilds a run from a parsed run file (the inverse of {@link RunResult.toJSON}); a
   * malformed file throws `RunFileError` naming the field.
   *
   * @example
   * ```ts
   * const run = RunResult.fromJSON(JSON.parse(text), { source: "runs/r1.json" });
   * ```
   */
  static fromJSON(json: unknown, options: ReadOptions = {}): RunResult {
    return new RunResult(runInitFromJSON(json, options));
  }

  #slice(tag: string | undefined): Aggregates {
    if (tag === undefined) return this.aggregates;
    let sliced = this.#byTag.get(tag);
    if (!sliced) {
      sliced = computeAggregates(this.tasks.filter((result) => result.task.tags.includes(tag)));
      this.#byTag.set(tag, sliced);
    }
    return sliced;
  }
}
