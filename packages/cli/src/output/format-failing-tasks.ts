import type { RunResult } from "@ag2/eval";

/**
 * The tasks of a run that failed: a boolean score of `false`, or an exception on the trace.
 * One line per task with the failing keys and the error; empty when every task passed.
 *
 * @example
 * ```ts
 * io.stdout.write(`${result.summary()}\n${formatFailingTasks(result)}`);
 * ```
 */
export function formatFailingTasks(result: RunResult): string {
  const lines: string[] = [];
  for (const task of result.tasks) {
    const failed = task.feedback
      .filter((feedback) => feedback.score === false)
      .map((feedback) => feedback.key);
    const exception = task.trace.exception;
    if (failed.length === 0 && !exception) continue;
    const parts: string[] = [];
    if (failed.length > 0) parts.push(`failed ${failed.join(", ")}`);
    if (exception) parts.push(`error ${exception.type}: ${firstLine(exception.message)}`);
    lines.push(`  ${task.task.taskId}: ${parts.join("; ")}`);
  }
  if (lines.length === 0) return "";
  return `\nFailing tasks (${lines.length}):\n${lines.join("\n")}\n`;
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? text;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
