import { formatFixed, padRight } from "../util/python-format.js";
import type { FlakinessReport } from "./flakiness.js";

const pct = (value: number) => `${formatFixed(value * 100, { precision: 1 })}%`;

/**
 * The flakiness report as text: a header (tasks, repeats, flaky tasks), then per boolean key
 * pass@1, pass@k and pass^k at k = the most repeats any task had for that key, and under it
 * each flaky task with its pass count and flip rate. pass@k says "solved in k tries", pass^k
 * "solved every one of k tries": the gap between them is the flakiness users feel.
 *
 * @example
 * ```ts
 * const result = await runAgent(suite, { ...options, repeats: 5 });
 * console.log(flakinessSummary(flakiness(result)));
 * // Flakiness  —  3 task(s), 5 repeat(s), 1 flaky
 * //   correct                  pass@1 86.7%   pass@5 100.0%   pass^5 66.7%   1/3 flaky
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
  for (const key of report.keys) {
    const k = key.passAtK.length;
    const rates = [`pass@1 ${pct(key.passAtK[0] ?? 0)}`];
    if (k > 1) rates.push(`pass@${k} ${pct(key.passAtK[k - 1]!)}`);
    rates.push(`pass^${k} ${pct(key.passHatK[k - 1] ?? 0)}`);
    lines.push(
      `  ${padRight(key.key, 24)} ${rates.join("   ")}   ${key.flakyTasks}/${key.tasks} flaky`,
    );
    for (const task of report.tasks) {
      if (task.key !== key.key || !task.flaky) continue;
      const flip = formatFixed(task.flipRate, { precision: 2 });
      lines.push(`    ${task.taskId}  ${task.passes}/${task.n} passed  flip rate ${flip}`);
    }
  }
  return lines.join("\n");
}
