import type { RunResult } from "@ag2/eval";
import { formatNumber } from "@ag2/eval/cli";
import { repeatGroups } from "./repeat-groups.js";

/**
 * A run as Markdown (for a pull-request comment or a job summary): header facts, a table of
 * pass rates and score means, and a table of the tasks with their scores.
 *
 * @example
 * ```ts
 * await appendFile(process.env.GITHUB_STEP_SUMMARY!, formatMarkdown(result));
 * ```
 */
export function formatMarkdown(result: RunResult): string {
  const { aggregates } = result;
  const lines = [
    `## ag2-eval run \`${result.runId}\``,
    "",
    `Suite **${cell(result.suite.name)}** (${suiteSize(result)}) · ${result.tasks.length} runs · ` +
      `${aggregates.errors} errors · ${result.durationMs} ms · created ${result.createdAt}` +
      (result.label ? ` · label \`${result.label}\`` : ""),
    "",
  ];
  const passKeys = Object.keys(aggregates.passRate).sort();
  const statKeys = Object.keys(aggregates.scoreStats).sort();
  if (passKeys.length + statKeys.length > 0) {
    lines.push("| scorer | result |", "| --- | --- |");
    for (const key of passKeys) {
      lines.push(`| ${cell(key)} | ${((aggregates.passRate[key] ?? 0) * 100).toFixed(1)}% pass |`);
    }
    for (const key of statKeys) {
      const stats = aggregates.scoreStats[key];
      if (stats)
        lines.push(
          `| ${cell(key)} | mean ${formatNumber(stats.mean)} (p95 ${formatNumber(stats.p95)}, n=${stats.n}) |`,
        );
    }
    lines.push("");
  }
  const keys = [
    ...new Set(result.tasks.flatMap((task) => task.feedback.map((feedback) => feedback.key))),
  ].sort();
  lines.push(
    `| task | ${keys.map(cell).join(" | ")} | error |`,
    `| --- |${" --- |".repeat(keys.length)} --- |`,
  );
  for (const task of result.tasks) {
    const scores = keys.map((key) => {
      const feedback = task.feedback.filter((item) => item.key === key).at(-1);
      if (!feedback) return "";
      if (feedback.score === true) return "✅";
      if (feedback.score === false) return "❌";
      if (typeof feedback.score === "number") return formatNumber(feedback.score);
      return cell(String(feedback.value ?? ""));
    });
    const error = task.trace.exception
      ? cell(`${task.trace.exception.type}: ${task.trace.exception.message}`)
      : "";
    lines.push(`| ${cell(task.task.taskId)} | ${scores.join(" | ")} | ${error} |`);
  }
  return `${lines.join("\n")}\n`;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** "20 tasks × 3 repeats" for a run with repeats, where the run file counts 60 tasks. */
function suiteSize(result: RunResult): string {
  const { groups, repeated } = repeatGroups(result);
  const repeats = Math.max(0, ...[...groups.values()].map((runs) => runs.length));
  const size = result.suite.size;
  if (!repeated || repeats < 2 || size % repeats !== 0) return `${size} tasks`;
  return `${size / repeats} tasks × ${repeats} repeats`;
}
