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
  const suiteName = escapeXml(result.suite.name);
  const cases = result.tasks.map((task) => {
    const name = escapeXml(task.task.taskId);
    const time = (task.trace.durationMs / 1000).toFixed(3);
    const open = `    <testcase classname="${suiteName}" name="${name}" time="${time}"`;
    const exception = task.trace.exception;
    if (exception) {
      return `${open}>\n      <error type="${escapeXml(exception.type)}" message="${escapeXml(exception.message)}"/>\n    </testcase>`;
    }
    const failed = task.feedback.filter((feedback) => feedback.score === false);
    if (failed.length === 0) return `${open}/>`;
    const detail = failed
      .map(
        (feedback) => `${feedback.key}: false${feedback.comment ? ` (${feedback.comment})` : ""}`,
      )
      .join("\n");
    const message = `failed ${failed.map((feedback) => feedback.key).join(", ")}`;
    return `${open}>\n      <failure message="${escapeXml(message)}">${escapeXml(detail)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ag2-eval ${escapeXml(result.runId)}" tests="${result.tasks.length}" failures="${failures}" errors="${errors}" time="${(result.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${suiteName}" tests="${result.tasks.length}" failures="${failures}" errors="${errors}" timestamp="${escapeXml(result.createdAt)}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .split("")
    .filter(allowedInXml)
    .join("");
}

/** XML 1.0 forbids control characters other than tab and line breaks, even escaped. */
function allowedInXml(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
