import {
  type CompareRunsOptions,
  InvalidOptionError,
  type PairwiseRunResult,
  type RunResult,
  type Trace,
  type VariantRunResult,
} from "@ag2/eval-core";
import { isoUtcNow } from "@ag2/eval-core/internal";
import { comparisonView } from "./comparison-view.js";
import { pairwiseView } from "./pairwise-view.js";
import type { ReportData, RunListEntry, RunView } from "./report-data.js";
import { runView } from "./run-view.js";
import { variantsView } from "./variants-view.js";

/** What a report shows: one run, several, two compared, a variants sweep or a pairwise run. */
export type ReportInput =
  | { readonly kind: "run"; readonly run: RunResult }
  | { readonly kind: "runs"; readonly runs: readonly RunResult[] }
  | { readonly kind: "compare"; readonly baseline: RunResult; readonly current: RunResult }
  | { readonly kind: "variants"; readonly sweep: VariantRunResult }
  | {
      readonly kind: "pairwise";
      readonly result: PairwiseRunResult;
      /** The two variants' runs, when they were kept: their tasks become browsable. */
      readonly runs?: readonly RunResult[];
    };

/** Options of `renderReport`. */
export interface RenderReportOptions {
  /** The page title; default names what the report shows. */
  readonly title?: string;
  /** Prices one task's trace in dollars: runs then show their cost. */
  readonly costOf?: (trace: Trace) => number;
  /** Passed to `compareRuns` for a comparison (seed, resamples, alpha, lowerIsBetter). */
  readonly compare?: CompareRunsOptions;
  /** The time the report says it was made; default now. */
  readonly generatedAt?: string;
}

/**
 * The data a report embeds: every statistic computed here, by core, so the app only shows.
 *
 * @example
 * ```ts
 * const data = reportData({ kind: "compare", baseline, current }, { compare: { seed: 1 } });
 * data.comparison?.keys[0]?.verdict; // "regression"
 * ```
 */
export function reportData(input: ReportInput, options: RenderReportOptions = {}): ReportData {
  const view = (run: RunResult, variant: string | null = null) =>
    runView(run, { costOf: options.costOf, variant });
  const base = {
    format: "ag2-eval.report/1" as const,
    kind: input.kind,
    generatedAt: options.generatedAt ?? isoUtcNow(),
    comparison: null,
    variants: null,
    pairwise: null,
  };
  switch (input.kind) {
    case "run": {
      const run = checkRun(input.run, "run");
      const runs = [view(run)];
      return { ...base, title: options.title ?? `Run ${run.runId}`, runs, runList: list(runs) };
    }
    case "runs": {
      if (!Array.isArray(input.runs) || input.runs.length === 0) {
        throw new InvalidOptionError(
          "runs",
          "renderReport: 'runs' must hold at least one RunResult; got none",
        );
      }
      const runs = input.runs.map((run, i) => view(checkRun(run, `runs[${i}]`)));
      return { ...base, title: options.title ?? `${runs.length} runs`, runs, runList: list(runs) };
    }
    case "compare": {
      const baseline = checkRun(input.baseline, "baseline");
      const current = checkRun(input.current, "current");
      const runs = [view(baseline), view(current)];
      return {
        ...base,
        title: options.title ?? `Compare ${current.runId} vs ${baseline.runId}`,
        runs,
        runList: list(runs),
        comparison: comparisonView(baseline, current, options.compare),
      };
    }
    case "variants": {
      if (!isSweep(input.sweep)) {
        throw new InvalidOptionError(
          "sweep",
          `renderReport: 'sweep' must be a VariantRunResult; got ${describe(input.sweep)}`,
        );
      }
      const names = [...input.sweep.results.keys()];
      const runs = names.map((name) => view(input.sweep.results.get(name) as RunResult, name));
      return {
        ...base,
        title: options.title ?? `Variants over ${input.sweep.axis}`,
        runs,
        runList: list(runs),
        variants: variantsViewOf(input.sweep, names),
      };
    }
    case "pairwise": {
      if (typeof (input.result as Partial<PairwiseRunResult> | null)?.winRate !== "function") {
        throw new InvalidOptionError(
          "result",
          `renderReport: 'result' must be a PairwiseRunResult; got ${describe(input.result)}`,
        );
      }
      const runs = (input.runs ?? []).map((run, i) => view(checkRun(run, `runs[${i}]`)));
      return {
        ...base,
        title: options.title ?? `${input.result.variantB} vs ${input.result.variantA}`,
        runs,
        runList: list(runs),
        pairwise: pairwiseView(input.result),
      };
    }
    default:
      throw new InvalidOptionError(
        "kind",
        `renderReport: 'kind' must be one of run, runs, compare, variants, pairwise; got ${describe((input as { kind?: unknown }).kind)}`,
      );
  }
}

function variantsViewOf(sweep: VariantRunResult, names: readonly string[]) {
  return variantsView(sweep, (variant) => names.indexOf(variant));
}

function list(runs: readonly RunView[]): RunListEntry[] {
  return runs.map((run) => ({
    runId: run.runId,
    label: run.label,
    createdAt: run.createdAt,
    durationMs: run.durationMs,
    target: run.target,
    suite: { name: run.suite.name, size: run.suite.size },
    passRate: Object.fromEntries(
      run.keys.flatMap((k) => (k.kind === "pass-rate" ? [[k.key, k.rate]] : [])),
    ),
    scoreMeans: Object.fromEntries(
      run.keys.flatMap((k) => (k.kind === "numeric" ? [[k.key, k.mean]] : [])),
    ),
    errors: run.errors,
    tokens: run.tokens.total,
    costUsd: run.costUsd,
    inProgress: run.inProgress
      ? { done: run.tasks.length, expected: run.inProgress.expected }
      : null,
  }));
}

function checkRun(run: unknown, field: string): RunResult {
  if (isRun(run)) return run;
  throw new InvalidOptionError(
    field,
    `renderReport: '${field}' must be a RunResult; got ${describe(run)}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}

// by shape, not instanceof: a second copy of core (two installs) builds its own classes
function isRun(value: unknown): value is RunResult {
  const run = value as Partial<RunResult> | null;
  return (
    typeof run === "object" &&
    run !== null &&
    typeof run.runId === "string" &&
    Array.isArray(run.tasks) &&
    typeof run.aggregates === "object" &&
    typeof run.passRate === "function"
  );
}

function isSweep(value: unknown): value is VariantRunResult {
  const sweep = value as Partial<VariantRunResult> | null;
  return (
    typeof sweep === "object" &&
    sweep !== null &&
    sweep.results instanceof Map &&
    typeof sweep.leaderboard === "function"
  );
}
