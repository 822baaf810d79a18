import type { RunResult } from "@ag2/eval";

/**
 * A run as JUnit XML, the format CI systems read: one test case per task run, a `<failure>`
 * listing the scorer keys that returned `false`, an `<error>` for a trace exception.
 *
 * @example
 * ```ts
 * await writeFile("junit.xml", formatJunit(result));
 * ```
 */
export function formatJunit(result: RunResult): string {
  const failures = result.tasks.filter(
    (task) => !task.trace.exception && task.feedback.some((feedback) => feedback.score === false),
  ).length;
  const errors = result.tasks.filter((task) => task.trace.exception).length;
  const suiteName = escape(result.suite.name);
  const cases = result.tasks.map((task) => {
    const name = escape(task.task.taskId);
    const time = (task.trace.durationMs / 1000).toFixed(3);
    const open = `    <testcase classname="${suiteName}" name="${name}" time="${time}"`;
    const exception = task.trace.exception;
    if (exception) {
      return `${open}>\n      <error type="${escape(exception.type)}" message="${escape(exception.message)}"/>\n    </testcase>`;
    }
    const failed = task.feedback.filter((feedback) => feedback.score === false);
    if (failed.length === 0) return `${open}/>`;
    const detail = failed
      .map((feedback) => `${feedback.key}: false${feedback.comment ? ` (${feedback.comment})` : ""}`)
      .join("\n");
    const message = `failed ${failed.map((feedback) => feedback.key).join(", ")}`;
    return `${open}>\n      <failure message="${escape(message)}">${escape(detail)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ag2-eval ${escape(result.runId)}" tests="${result.tasks.length}" failures="${failures}" errors="${errors}" time="${(result.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${suiteName}" tests="${result.tasks.length}" failures="${failures}" errors="${errors}" timestamp="${escape(result.createdAt)}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

function escape(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    // XML 1.0 forbids most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}
