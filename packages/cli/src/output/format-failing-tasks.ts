import type { RunResult, TaskResult } from "@ag2/eval";
import { repeatGroups } from "./repeat-groups.js";

/** Failing tasks listed before "and N more", unless the caller asks for all. */
export const FAILING_TASKS_SHOWN = 20;

/** What went wrong in one task run: its failed keys and its error, if any. */
interface Failure {
  readonly keys: readonly string[];
  readonly error: string | null;
}

/**
 * The tasks of a run that failed (a boolean score of `false`, or an exception on the trace),
 * one line per task: the repeats of a task share its line, which says how many of them
 * failed and, when they differ, how often each key and error did. After `limit` lines (default
 * {@link FAILING_TASKS_SHOWN}; `Infinity` for all) one line says how many more there are and
 * `more` (how to see them). Empty when every task passed.
 *
 * @example
 * ```ts
 * io.stdout.write(formatFailingTasks(shown, { more: "--all lists every one" }));
 * // Failing tasks (2 tasks, 4 of 9 runs):
 * //   t1 (3/3 runs): failed correct; error RangeError: model unavailable
 * //   t2 (1/3 runs): failed correct
 * ```
 */
export function formatFailingTasks(
  result: RunResult,
  options: { limit?: number; more?: string } = {},
): string {
  const { groups, repeated } = repeatGroups(result);
  const lines: string[] = [];
  let failingRuns = 0;
  for (const [id, runs] of groups) {
    const failures = runs.flatMap((task) => failureOf(task) ?? []);
    if (failures.length === 0) continue;
    failingRuns += failures.length;
    const where = repeated ? `${id} (${failures.length}/${runs.length} runs)` : id;
    lines.push(`  ${where}: ${describe(failures)}`);
  }
  if (lines.length === 0) return "";
  const limit = options.limit ?? FAILING_TASKS_SHOWN;
  const shown = lines.length > limit ? lines.slice(0, limit) : lines;
  if (shown.length < lines.length) {
    const more = options.more ? ` (${options.more})` : "";
    shown.push(`  and ${lines.length - shown.length} more${more}`);
  }
  const count = repeated
    ? `${lines.length} task${lines.length === 1 ? "" : "s"}, ${failingRuns} of ${result.tasks.length} runs`
    : String(lines.length);
  return `\nFailing tasks (${count}):\n${shown.join("\n")}\n`;
}

function failureOf(task: TaskResult): Failure | null {
  const keys = [...new Set(task.feedback.filter((fb) => fb.score === false).map((fb) => fb.key))];
  const exception = task.trace.exception;
  if (keys.length === 0 && !exception) return null;
  return { keys, error: exception ? `${exception.type}: ${firstLine(exception.message)}` : null };
}

/** "failed a, b; error E: m", with "(n)" after what only some of the failing runs share. */
function describe(failures: readonly Failure[]): string {
  const count = (items: Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
    return [...counts].map(([item, n]) => (n < failures.length ? `${item} (${n})` : item));
  };
  const parts: string[] = [];
  const keys = count(failures.flatMap((failure) => failure.keys));
  if (keys.length > 0) parts.push(`failed ${keys.join(", ")}`);
  const errors = count(failures.flatMap((failure) => (failure.error ? [failure.error] : [])));
  for (const error of errors) parts.push(`error ${error}`);
  return parts.join("; ");
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? text;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
