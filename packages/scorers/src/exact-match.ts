import { type Scorer, scorer } from "@ag2/eval-core";
import { answerOf, expectedOf, preview } from "./internal/answer.js";
import { pythonStr } from "./internal/python-text.js";

/** Options of {@link exactMatch}. */
export interface ExactMatchOptions {
  /** Reference field to compare with, and the output field to read if the output is JSON. Default `"answer"`. */
  readonly field?: string;
  /** A fixed expected value; overrides the reference. */
  readonly expected?: unknown;
  /** Trim surrounding whitespace on both sides first. Default true. */
  readonly trim?: boolean;
  /** Compare case-insensitively. Default false. */
  readonly ignoreCase?: boolean;
  readonly key?: string;
}

/**
 * Passes when the answer equals the expected text (after optional trimming and case folding).
 * Non-string values are compared as their text. Key `exact_match`; boolean score. No reference
 * and no `expected` → score null (ungradeable), comment `no expected value: …`.
 *
 * Use when answers are short canonical strings (ids, labels, numbers as text).
 * Avoid when the answer is free text; use {@link contains}, {@link regexMatch} or
 * {@link agentJudge}. For the reference's exact semantics, use {@link finalAnswerMatches}.
 *
 * @example
 * ```ts
 * const scorers = [exactMatch({ field: "answer", ignoreCase: true })];
 * ```
 */
export function exactMatch(options: ExactMatchOptions = {}): Scorer {
  const key = options.key ?? "exact_match";
  const field = options.field ?? "answer";
  const trim = options.trim ?? true;
  const normalize = (value: unknown): string => {
    let text = pythonStr(value);
    if (trim) text = text.trim();
    return options.ignoreCase ? text.normalize("NFC").toLowerCase() : text;
  };
  return scorer(
    ({ outputs, referenceOutputs }) => {
      const expected = expectedOf(options, referenceOutputs, field);
      if (!expected.found) {
        return {
          key,
          score: null,
          comment: `no expected value: referenceOutputs.${field} is missing`,
        };
      }
      const actual = answerOf(outputs, field);
      if (actual === undefined || actual === null) {
        return { key, score: false, comment: "no answer", detail: { expected: expected.value } };
      }
      const ok = normalize(actual) === normalize(expected.value);
      return {
        key,
        score: ok,
        comment: ok ? undefined : `got ${preview(actual)}, expected ${preview(expected.value)}`,
        detail: { expected: expected.value, actual },
      };
    },
    { key },
  );
}
