import { flakiness, type RunResult, type Trace } from "@ag2/eval-core";
import { groupRepeats, runResultToJSON } from "@ag2/eval-core/internal";
import { wilsonInterval } from "@ag2/eval-core/stats";
import type { KeyStats, RunView, TagSlice } from "./report-data.js";

/** How {@link runView} is told about what the run file does not hold. */
export interface RunViewOptions {
  /** Prices one task's trace in dollars; its sum is the run's cost. */
  readonly costOf?: ((trace: Trace) => number) | undefined;
  /** The variant this run is, inside a sweep. */
  readonly variant?: string | null | undefined;
  /** Task runs expected, for a run still being written. */
  readonly expectedTasks?: number | undefined;
}

/**
 * The view of one run: its header, every statistic the pages show (computed by core:
 * aggregates, Wilson intervals, flakiness) and its tasks in the run file's form.
 *
 * @example
 * ```ts
 * const view = runView(run, { costOf: (trace) => trace.tokens.total * 2e-7 });
 * view.keys[0]; // { key: "correct", kind: "pass-rate", rate: 0.8, n: 10, ci: [0.49, 0.94], … }
 * ```
 */
export function runView(run: RunResult, options: RunViewOptions = {}): RunView {
  const json = runResultToJSON(run);
  const groups = groupRepeats(run.tasks);
  const indexOf = new Map(run.tasks.map((task, index) => [task, index]));
  const repeats = Math.max(0, ...[...groups.values()].map((group) => group.length));
  const report = repeats > 1 ? flakiness(run) : null;
  const tags = [...run.tags].sort();
  return {
    runId: run.runId,
    label: run.label,
    createdAt: run.createdAt,
    durationMs: run.durationMs,
    suite: { ...run.suite },
    target: run.target,
    concurrency: run.concurrency,
    variant: options.variant ?? null,
    stopReason: run.stopReason ? { ...run.stopReason } : null,
    warnings: [...run.warnings],
    inProgress: options.expectedTasks === undefined ? null : { expected: options.expectedTasks },
    tokens: { ...run.aggregates.tokens },
    costUsd: costOf(run, options.costOf),
    errors: run.aggregates.errors,
    budgetViolations: run.aggregates.budgetViolations,
    uniqueTasks: groups.size,
    repeats,
    keys: keyStats(run),
    tags: tags.map((tag) => tagSlice(run, tag)),
    flakiness: report ? report.keys : null,
    flakyTasks: report ? report.flaky : [],
    tasks: json.tasks,
    groups: [...groups].map(([id, group]) => ({
      id,
      tasks: group.map((task) => indexOf.get(task) as number),
    })),
  };
}

function keyStats(run: RunResult, tag?: string): KeyStats[] {
  const slice = tag === undefined ? run.tasks : run.tasks.filter((t) => t.task.tags.includes(tag));
  // how many boolean scores a pass rate rests on: the n of its Wilson interval
  const booleans = new Map<string, number>();
  const keys: string[] = [];
  for (const result of slice) {
    for (const fb of result.feedback) {
      if (!keys.includes(fb.key)) keys.push(fb.key);
      if (typeof fb.score === "boolean") booleans.set(fb.key, (booleans.get(fb.key) ?? 0) + 1);
    }
  }
  const scope = tag === undefined ? {} : { tag };
  return keys.map((key): KeyStats => {
    const valueCounts = run.valueCounts(key, scope);
    const n = booleans.get(key);
    if (n !== undefined) {
      const rate = run.passRate(key, scope);
      const ci = wilsonInterval(rate, n);
      return {
        key,
        kind: "pass-rate",
        rate,
        passes: Math.round(rate * n),
        n,
        ci: [ci[0], ci[1]],
        valueCounts,
      };
    }
    return { key, kind: "numeric", ...run.scoreStats(key, scope), valueCounts };
  });
}

function tagSlice(run: RunResult, tag: string): TagSlice {
  const taskRuns = run.tasks.filter((t) => t.task.tags.includes(tag)).length;
  return { tag, taskRuns, keys: keyStats(run, tag) };
}

function costOf(run: RunResult, price: RunViewOptions["costOf"]): number | null {
  if (!price) return null;
  let total = 0;
  for (const result of run.tasks) {
    const cost = price(result.trace);
    if (typeof cost === "number" && Number.isFinite(cost)) total += cost;
  }
  return total;
}
