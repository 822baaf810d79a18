import type { SummaryOptions } from "../result/run-summary.js";
import type { Interval } from "../stats/wilson.js";
import { formatColumns } from "../util/format-columns.js";
import { formatNumber } from "../util/format-number.js";
import { formatFixed, padRight, pythonListRepr } from "../util/python-format.js";
import type { Delta, Flip, RunDiffInit } from "./run-diff.js";

/** Rows of a readable list before "and N more". */
const LIST_ROWS = 10;

/**
 * The text of `RunDiff#summary`: the reference's A.5 lines, each delta followed by its 95%
 * interval unless `intervals` is false. `readable` writes means with significant digits and
 * the flipped and excluded tasks in columns of `width`, cut after ten rows unless `all`.
 */
export function runDiffSummary(
  diff: Required<RunDiffInit>,
  options: { intervals?: boolean } & SummaryOptions = {},
): string {
  const withIntervals = options.intervals ?? true;
  const readable = options.readable ?? false;
  const pct = (value: number) => formatFixed(value * 100, { precision: 1, width: 5 });
  const mean = (value: number, sign = false) =>
    readable ? formatNumber(value, { sign }) : formatFixed(value, { precision: 2, sign });
  const ci = (interval: Interval | undefined, f: (value: number) => string) =>
    interval && withIntervals ? `   95% CI [${f(interval[0])}, ${f(interval[1])}]` : "";
  const lines = [
    `Diff ${diff.currentRunId} vs ${diff.baselineRunId}  —  ${diff.comparableTasks.length} comparable task(s)`,
  ];
  for (const key of Object.keys(diff.passRateDeltas).sort()) {
    const [base, cur] = diff.passRateDeltas[key] as Delta;
    const change = formatFixed((cur - base) * 100, { precision: 1, width: 5, sign: true });
    const mark = cur < base ? "   REGRESSION" : "";
    const interval = ci(diff.passRateIntervals[key], (value) =>
      formatFixed(value * 100, { precision: 1, sign: true }),
    );
    lines.push(
      `  ${padRight(key, 24)} ${pct(base)}% -> ${pct(cur)}%   ${change}${mark}${interval}`,
    );
  }
  for (const key of Object.keys(diff.meanDeltas).sort()) {
    const [base, cur] = diff.meanDeltas[key] as Delta;
    const interval = ci(diff.meanIntervals[key], (value) => mean(value, true));
    lines.push(
      `  ${padRight(key, 24)} mean ${mean(base)} -> ${mean(cur)}   ${mean(cur - base, true)}${interval}`,
    );
  }
  const list = (label: string, items: readonly string[]): string[] => {
    if (items.length === 0) return [];
    if (!readable) return [`  ${label}: ${pythonListRepr(items)}`];
    return [
      `  ${label} (${items.length}):`,
      ...formatColumns(items, {
        width: options.width ?? 80,
        indent: "    ",
        ...(!options.all && { maxRows: LIST_ROWS, more: "--all lists every one" }),
      }),
    ];
  };
  const flips = (pairs: readonly Flip[]) => pairs.map(([key, id]) => `${key}:${id}`);
  lines.push(
    ...list("flipped pass->fail", flips(diff.flippedToFail)),
    ...list("flipped fail->pass", flips(diff.flippedToPass)),
  );
  const excluded = [
    ...list("content changed", diff.contentChanged),
    ...list("only in current", diff.onlyInCurrent),
    ...list("only in baseline", diff.onlyInBaseline),
    ...list("scorer only in current", diff.scorersOnlyInCurrent),
    ...list("scorer only in baseline", diff.scorersOnlyInBaseline),
  ];
  if (excluded.length > 0) lines.push("  — excluded (not comparable) —", ...excluded);
  return lines.join("\n");
}
