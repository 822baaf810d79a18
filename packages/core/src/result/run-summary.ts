import { formatNumber } from "../util/format-number.js";
import { formatFixed, padRight } from "../util/python-format.js";
import type { Aggregates } from "./aggregates.js";
import { groupRepeats } from "./repeat-groups.js";
import type { RunData } from "./run-data.js";

/**
 * How a summary is written. By default it is the reference's text, character for character;
 * `readable` writes it for people instead: numbers with significant digits (`0.0000532`, not
 * `0.00`), a suite as tasks × repeats, long lists laid out in columns and cut short.
 */
export interface SummaryOptions {
  /** Write for people rather than as the reference does (default false). */
  readonly readable?: boolean;
  /** The line width readable lists are laid out to (default 80). */
  readonly width?: number;
  /** Readable lists show every item instead of their first rows and "and N more". */
  readonly all?: boolean;
}

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

/** The suite line's parenthesis: the reference's `60 tasks`, or readable `20 tasks × 3 repeats = 60 runs`. */
function suiteSize(result: RunData, readable: boolean): string {
  const size = result.suite.size;
  if (!readable) return `${size} tasks`;
  const repeats = Math.max(0, ...[...groupRepeats(result.tasks).values()].map((g) => g.length));
  if (repeats < 2 || size % repeats !== 0) return `${size} task${size === 1 ? "" : "s"}`;
  return `${size / repeats} task${size === repeats ? "" : "s"} × ${repeats} repeats = ${size} runs`;
}

/**
 * The plain-text report of a run, line for line as the reference's `RunResult.summary()`;
 * with `readable`, the same lines written for people (see {@link SummaryOptions}).
 * `RunResult#summary` calls this.
 *
 * @example
 * ```ts
 * console.log(runSummary(result));
 * // Run r1
 * //   Schema:      0.1 ...
 * console.log(runSummary(result, { readable: true }));
 * //   Suite:       suite (20 tasks × 3 repeats = 60 runs, source: suite.jsonl) ...
 * ```
 */
export function runSummary(result: RunData, options: SummaryOptions = {}): string {
  const readable = options.readable ?? false;
  const agg: Aggregates = result.aggregates;
  const lines = [
    `Run ${result.runId}`,
    `  Schema:      ${result.schemaVersion}`,
    `  Created:     ${result.createdAt}`,
    `  Duration:    ${result.durationMs}ms`,
    `  Suite:       ${result.suite.name} (${suiteSize(result, readable)}, source: ${result.suite.source})`,
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
      const f = (value: number) =>
        readable ? formatNumber(value) : formatFixed(value, { precision: 2 });
      return `  ${padRight(key, width)}  mean=${f(stats.mean)} p50=${f(stats.p50)} p95=${f(stats.p95)} n=${stats.n}`;
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
