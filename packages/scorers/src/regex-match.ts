import { type Scorer, scorer } from "@ag2/eval-core";
import { answerOf, preview } from "./internal/answer.js";
import { pythonStr } from "./internal/python-text.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

/**
 * Passes when the answer matches `pattern` (a RegExp, or a string compiled with `flags`).
 * Key `regex_match`; boolean score; `detail.match` holds the matched text.
 *
 * Use when the answer has a checkable shape (a date, an id, "Final answer: X").
 * Avoid when you compare against a per-task reference; use {@link exactMatch} or
 * {@link finalAnswerMatches}.
 *
 * @throws {ScorerOptionsError} when a string pattern does not compile.
 * @example
 * ```ts
 * const scorers = [regexMatch(/\b\d{4}-\d{2}-\d{2}\b/)];
 * ```
 */
export function regexMatch(
  pattern: RegExp | string,
  options: { flags?: string; field?: string; key?: string } = {},
): Scorer {
  let regex: RegExp;
  try {
    regex = typeof pattern === "string" ? new RegExp(pattern, options.flags) : pattern;
  } catch (error) {
    throw new ScorerOptionsError(
      `regexMatch(): pattern ${JSON.stringify(pattern)} does not compile: ${(error as Error).message}`,
    );
  }
  const key = options.key ?? "regex_match";
  return scorer(
    ({ outputs }) => {
      const actual = answerOf(outputs, options.field);
      if (actual === undefined || actual === null)
        return { key, score: false, comment: "no answer" };
      // A fresh copy so a global/sticky pattern's lastIndex never leaks between tasks.
      const match = new RegExp(regex.source, regex.flags).exec(pythonStr(actual));
      return {
        key,
        score: match !== null,
        comment: match ? undefined : `${regex} did not match ${preview(actual)}`,
        detail: { pattern: regex.source, flags: regex.flags, match: match?.[0] ?? null },
      };
    },
    { key },
  );
}
