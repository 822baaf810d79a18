import { type Scorer, scorer } from "@ag2/eval-core";
import { answerOf, preview } from "./internal/answer.js";
import { pythonStr } from "./internal/python-text.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

/** Options of {@link contains}. */
export interface ContainsOptions {
  /** `"any"`: one of the strings must occur; `"all"`: every one must. Default `"all"`. */
  readonly mode?: "any" | "all";
  /** Compare case-insensitively. Default false. */
  readonly ignoreCase?: boolean;
  /** Read this field of a JSON output instead of the whole body. */
  readonly field?: string;
  readonly key?: string;
}

/**
 * Passes when the answer contains the given strings (all of them, or any with `mode: "any"`).
 * Key `contains`; boolean score; the comment names the missing strings.
 *
 * Use when an answer must mention certain facts, names or keywords.
 * Avoid when wording varies (synonyms, paraphrase); use {@link agentJudge}. For patterns, use
 * {@link regexMatch}.
 *
 * @example
 * ```ts
 * const scorers = [contains(["Paris", "France"], { ignoreCase: true })];
 * ```
 */
export function contains(
  needles: string | readonly string[],
  options: ContainsOptions = {},
): Scorer {
  const list = typeof needles === "string" ? [needles] : [...needles];
  if (list.length === 0) {
    throw new ScorerOptionsError(
      "contains(): needles got an empty list, expected at least one string",
    );
  }
  const key = options.key ?? "contains";
  const mode = options.mode ?? "all";
  const fold = (text: string): string =>
    options.ignoreCase ? text.normalize("NFC").toLowerCase() : text;
  return scorer(
    ({ outputs }) => {
      const actual = answerOf(outputs, options.field);
      if (actual === undefined || actual === null) {
        return { key, score: false, comment: "no answer", detail: { missing: list } };
      }
      const haystack = fold(pythonStr(actual));
      const missing = list.filter((needle) => !haystack.includes(fold(needle)));
      const ok = mode === "all" ? missing.length === 0 : missing.length < list.length;
      const comment = ok
        ? undefined
        : mode === "all"
          ? `missing ${missing.map((m) => preview(m)).join(", ")}`
          : `none of ${list.map((m) => preview(m)).join(", ")} found`;
      return { key, score: ok, comment, detail: { mode, missing } };
    },
    { key },
  );
}
