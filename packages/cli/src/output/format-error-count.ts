import type { RunResult } from "@ag2/eval";

/**
 * One line saying how many task runs errored and with what, most frequent error type first
 * (`3 of 20 task run(s) errored: RateLimitError ×2, TypeError ×1`); empty when none did. It is
 * printed apart from the summary so errors are not mistaken for graded failures.
 *
 * @example
 * ```ts
 * io.stdout.write(formatErrorCount(result));
 * ```
 */
export function formatErrorCount(result: RunResult): string {
  const byType = new Map<string, number>();
  for (const task of result.tasks) {
    const type = task.trace.exception?.type;
    if (type !== undefined) byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const errors = [...byType.values()].reduce((sum, count) => sum + count, 0);
  if (errors === 0) return "";
  const types = [...byType]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([type, count]) => `${type} ×${count}`)
    .join(", ");
  return `${errors} of ${result.tasks.length} task run(s) errored: ${types}`;
}
