import type { ComparisonVerdict, KeyFlakiness, TaskResultJSON } from "@ag2/eval-core/internal";

/** What a report shows first, and which of the optional parts it carries. */
export type ReportKind = "run" | "runs" | "compare" | "variants" | "pairwise" | "viewer";

/** Pass rate of a boolean key with its 95% Wilson interval. */
export interface PassRateStats {
  readonly key: string;
  readonly kind: "pass-rate";
  readonly rate: number;
  readonly passes: number;
  /** Boolean scores the rate rests on. */
  readonly n: number;
  readonly ci: readonly [number, number];
}

/** Mean and percentiles of a numeric key. */
export interface NumericStats {
  readonly key: string;
  readonly kind: "numeric";
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

/** One feedback key of a run (or of a tag slice), with its label counts. */
export type KeyStats = (PassRateStats | NumericStats) & {
  readonly valueCounts: Readonly<Record<string, number>>;
};

/** The statistics of the task runs carrying one tag. */
export interface TagSlice {
  readonly tag: string;
  readonly taskRuns: number;
  readonly keys: readonly KeyStats[];
}

/** Token totals of a run. */
export interface TokenTotals {
  readonly input: number;
  readonly output: number;
  readonly total: number;
  readonly cacheRead: number;
  readonly cacheCreation: number;
}

/** One run as the app shows it: header, statistics computed by core, and every task. */
export interface RunView {
  readonly runId: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly durationMs: number;
  readonly suite: { readonly name: string; readonly source: string; readonly size: number };
  readonly target: string;
  readonly concurrency: number;
  /** The variant this run is, inside a variants sweep or a pairwise run. */
  readonly variant: string | null;
  readonly stopReason: {
    readonly budget: string;
    readonly limit: number;
    readonly used: number;
  } | null;
  readonly warnings: readonly string[];
  /** Set while the run is still being written (read from its journal). */
  readonly inProgress: { readonly expected: number } | null;
  readonly tokens: TokenTotals;
  /** Dollars, when the report was given a way to price a trace. */
  readonly costUsd: number | null;
  readonly errors: number;
  readonly budgetViolations: number;
  /** Distinct tasks (repeats grouped). */
  readonly uniqueTasks: number;
  /** Largest number of repeats of any task. */
  readonly repeats: number;
  readonly keys: readonly KeyStats[];
  readonly tags: readonly TagSlice[];
  /** Per boolean key, from core's `flakiness`; null when no task was repeated. */
  readonly flakiness: readonly KeyFlakiness[] | null;
  readonly flakyTasks: readonly string[];
  /** Every task run in the run file's form, in run order. */
  readonly tasks: readonly TaskResultJSON[];
  /** Task runs grouped by the task they repeat (indices into `tasks`), in first-seen order. */
  readonly groups: readonly TaskGroup[];
}

/** The repeats of one task: its id without the repeat suffix and where its runs are. */
export interface TaskGroup {
  readonly id: string;
  readonly tasks: readonly number[];
}

/** A line of the Runs page. */
export interface RunListEntry {
  readonly runId: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly durationMs: number;
  readonly target: string;
  readonly suite: { readonly name: string; readonly size: number };
  readonly passRate: Readonly<Record<string, number>>;
  readonly scoreMeans: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly tokens: number | null;
  readonly costUsd: number | null;
  /** Set for a run still being written: tasks graded so far and tasks expected. */
  readonly inProgress: { readonly done: number; readonly expected: number } | null;
}

/** One key of `compareRuns`, as data. */
export interface KeyComparisonView {
  readonly key: string;
  readonly kind: "pass-rate" | "mean";
  readonly tasks: number;
  readonly baseline: number;
  readonly current: number;
  readonly difference: number;
  readonly ci: readonly [number, number];
  readonly pValue: number;
  readonly test: string;
  readonly verdict: ComparisonVerdict;
  readonly minimumDetectableDifference: number | null;
}

/** A task that passed in one run and failed in the other on a key. */
export interface FlipView {
  readonly taskId: string;
  readonly key: string;
  readonly to: "fail" | "pass";
}

/** Two runs compared: `runs[0]` is the baseline, `runs[1]` the current run. */
export interface ComparisonView {
  readonly baselineRunId: string;
  readonly currentRunId: string;
  readonly comparableTasks: number;
  readonly alpha: number;
  readonly seed: number;
  readonly resamples: number;
  readonly keys: readonly KeyComparisonView[];
  readonly flips: readonly FlipView[];
  /** Why the runs could not be compared task by task, when they could not. */
  readonly problem: string | null;
}

/** A place on a variants leaderboard; `runIndex` points into `ReportData.runs`. */
export interface LeaderboardEntry {
  readonly variant: string;
  readonly score: number;
  readonly n: number;
  readonly rank: number;
  /** Wilson interval for a pass rate; null for a numeric key. */
  readonly ci: readonly [number, number] | null;
  readonly runIndex: number;
}

/** A `runVariants` sweep: a leaderboard per key over the variant runs. */
export interface VariantsView {
  readonly runId: string;
  readonly axis: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly durationMs: number;
  readonly keys: readonly string[];
  readonly leaderboards: readonly {
    readonly key: string;
    readonly rows: readonly LeaderboardEntry[];
  }[];
  readonly failures: readonly {
    readonly variant: string;
    readonly type: string;
    readonly message: string;
  }[];
}

/** A pairwise run: win rates of B over A with their intervals, and every case. */
export interface PairwiseView {
  readonly runId: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly durationMs: number;
  readonly variantA: string;
  readonly variantB: string;
  readonly nPairs: number;
  readonly keys: readonly string[];
  readonly winRates: readonly {
    readonly key: string;
    readonly variant: string;
    readonly rate: number;
    readonly wins: number;
    readonly losses: number;
    readonly ties: number;
    readonly n: number;
    readonly ci: readonly [number, number];
    readonly flips: number;
  }[];
  readonly cases: readonly {
    readonly taskId: string;
    readonly key: string;
    readonly winner: "a" | "b" | "tie";
    readonly reasoning: string | null;
  }[];
  readonly warnings: readonly string[];
}

/** Everything a report page embeds: the app renders it and computes no statistics itself. */
export interface ReportData {
  readonly format: "ag2-eval.report/1";
  readonly kind: ReportKind;
  readonly title: string;
  readonly generatedAt: string;
  readonly runs: readonly RunView[];
  readonly runList: readonly RunListEntry[];
  readonly comparison: ComparisonView | null;
  readonly variants: VariantsView | null;
  readonly pairwise: PairwiseView | null;
}
