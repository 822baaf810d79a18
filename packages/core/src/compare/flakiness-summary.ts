import { formatFixed, padRight } from "../util/python-format.js";
import type { FlakinessReport } from "./flakiness.js";

const pct = (value: number) => `${formatFixed(value * 100, { precision: 1 })}%`;

/**
 * The flakiness report as text: a header (tasks, repeats, flaky tasks), then per boolean key
 * pass@1, pass@k and pass^k at k = the most repeats any task had for that key, and under it
 * each flaky task with its pass count and flip rate, in columns that line up across keys. pass@k says "solved in k tries", pass^k
 * "solved every one of k tries": the gap between them is the flakiness users feel.
 *
 * @example
 * ```ts
 * const result = await runAgent(suite, { ...options, repeats: 5 });
 * console.log(flakinessSummary(flakiness(result)));
 * // Flakiness  —  3 task(s), 5 repeat(s), 1 flaky
 * //   correct                  pass@1  86.7%   pass@5 100.0%   pass^5  66.7%   1/3 flaky
 * //     t3  2/5 passed  flip rate 0.60
 * ```
 */
export function flakinessSummary(report: FlakinessReport): string {
  const tasks = new Set(report.tasks.map((t) => t.taskId)).size;
  const repeats = Math.max(0, ...report.tasks.map((t) => t.n));
  const lines = [
    `Flakiness  —  ${tasks} task(s), ${repeats} repeat(s), ${report.flaky.length} flaky`,
  ];
  if (report.keys.length === 0) lines.push("  no boolean scores to count");
  // every column is as wide as its widest cell, so keys and flaky tasks line up
  const keyWidth = Math.max(24, ...report.keys.map((key) => key.key.length));
  const kWidth = Math.max(...report.keys.map((key) => String(key.passAtK.length).length));
  const flakyWidth = Math.max(...report.keys.map((key) => `${key.flakyTasks}/${key.tasks}`.length));
  const flaky = report.tasks.filter((task) => task.flaky);
  const idWidth = Math.max(0, ...flaky.map((task) => task.taskId.length));
  const passWidth = Math.max(0, ...flaky.map((task) => `${task.passes}/${task.n}`.length));
  for (const key of report.keys) {
    const k = key.passAtK.length;
    const rate = (label: string, value: number) =>
      `${label}${String(k).padEnd(kWidth)} ${pct(value).padStart(6)}`;
    const rates = [`${"pass@1".padEnd(5 + kWidth)} ${pct(key.passAtK[0] ?? 0).padStart(6)}`];
    if (k > 1) rates.push(rate("pass@", key.passAtK[k - 1] ?? 0));
    rates.push(rate("pass^", key.passHatK[k - 1] ?? 0));
    const count = `${key.flakyTasks}/${key.tasks}`.padStart(flakyWidth);
    lines.push(`  ${padRight(key.key, keyWidth)} ${rates.join("   ")}   ${count} flaky`);
    for (const task of flaky) {
      if (task.key !== key.key) continue;
      const flip = formatFixed(task.flipRate, { precision: 2 });
      const passes = `${task.passes}/${task.n}`.padStart(passWidth);
      lines.push(`    ${padRight(task.taskId, idWidth)}  ${passes} passed  flip rate ${flip}`);
    }
  }
  return lines.join("\n");
}
