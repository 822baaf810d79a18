import { formatFixed, padRight } from "../util/python-format.js";
import type { Aggregates } from "./aggregates.js";
import type { RunData } from "./run-data.js";

function section(
  title: string,
  keys: string[],
  line: (key: string, width: number) => string,
): string[] {
  if (keys.length === 0) return [];
  const width = Math.max(...keys.map((key) => key.length));
  return ["", title, ...keys.map((key) => line(key, width))];
}

/** Passed and total boolean outcomes per key, which the aggregates keep only as a rate. */
function passCounts(result: RunData): Map<string, { passed: number; total: number }> {
  const counts = new Map<string, { passed: number; total: number }>();
  for (const task of result.tasks) {
    for (const fb of task.feedback) {
      if (typeof fb.score !== "boolean") continue;
      const entry = counts.get(fb.key) ?? { passed: 0, total: 0 };
      entry.total++;
      if (fb.score) entry.passed++;
      counts.set(fb.key, entry);
    }
  }
  return counts;
}

/**
 * The plain-text report of a run, line for line as the reference's `RunResult.summary()`.
 * `RunResult#summary` calls this.
 *
 * @example
 * ```ts
 * console.log(runSummary(result));
 * // Run r1
 * //   Schema:      0.1 ...
 * ```
 */
export function runSummary(result: RunData): string {
  const agg: Aggregates = result.aggregates;
  const lines = [
    `Run ${result.runId}`,
    `  Schema:      ${result.schemaVersion}`,
    `  Created:     ${result.createdAt}`,
    `  Duration:    ${result.durationMs}ms`,
    `  Suite:       ${result.suite.name} (${result.suite.size} tasks, source: ${result.suite.source})`,
    `  Runs:        ${result.tasks.length}`,
    `  Concurrency: ${result.concurrency}`,
    `  Errors:      ${agg.errors}`,
    `  Budget violations: ${agg.budgetViolations}`,
    `  Tokens:      input=${agg.tokens.input} output=${agg.tokens.output} total=${agg.tokens.total}`,
  ];
  const counts = passCounts(result);
  lines.push(
    ...section("Pass rates:", Object.keys(agg.passRate).sort(), (key, width) => {
      const rate = formatFixed((agg.passRate[key] ?? 0) * 100, { precision: 1, width: 5 });
      const { passed, total } = counts.get(key) ?? { passed: 0, total: 0 };
      return `  ${padRight(key, width)}  ${rate}% (${passed}/${total})`;
    }),
    ...section("Score stats:", Object.keys(agg.scoreStats).sort(), (key, width) => {
      const stats = agg.scoreStats[key];
      if (!stats) return "";
      const f = (value: number) => formatFixed(value, { precision: 2 });
      // the reference's line; a key recorded as lower-is-better says so
      const lower = result.scoreDirections[key] === "lower" ? "  (lower is better)" : "";
      return `  ${padRight(key, width)}  mean=${f(stats.mean)} p50=${f(stats.p50)} p95=${f(stats.p95)} n=${stats.n}${lower}`;
    }),
    ...section("Value counts:", Object.keys(agg.valueCounts).sort(), (key, width) => {
      const counts = agg.valueCounts[key] ?? {};
      const labels = Object.keys(counts)
        .sort()
        .map((label) => `${label}=${counts[label]}`);
      return `  ${padRight(key, width)}  ${labels.join(" ")}`;
    }),
  );
  return lines.join("\n");
}
