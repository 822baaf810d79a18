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
  let out = "";
  // by code point: a surrogate pair is one allowed character, a lone surrogate is not
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (!allowedInXml(code)) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += XML_ENTITIES[character] ?? character;
  }
  return out;
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // a parser turns raw CR in an attribute into a space and raw CR LF into LF; escaped, they stay
  "\r": "&#13;",
};

/**
 * XML 1.0's Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
 * Anything else (most C0 controls, lone surrogates, U+FFFE, U+FFFF) is refused by strict
 * parsers even as a character reference, so it is written as a visible `\uXXXX` escape.
 * ESC is among them, which also keeps the file from driving a terminal that prints it.
 */
function allowedInXml(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
