import { type Scorer, scorer } from "@ag2/eval-core";
import { answerOf } from "./internal/answer.js";
import { casefold } from "./internal/casefold.js";
import { deepEqual } from "./internal/deep-equal.js";
import { pythonStr } from "./internal/python-text.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

/** How {@link finalAnswerMatches} compares the answer with the reference. */
export type AnswerMatcher = "exact" | "casefold" | "contains";

/**
 * Compares the agent's answer with `referenceOutputs[field]`. The answer is
 * `outputs.content[field]` when the output parsed as a JSON object holding that field, else
 * `outputs.body`. Key `final_answer_matches`; boolean score; false when the reference or the
 * answer is missing.
 *
 * Matchers: `exact` compares the raw values structurally (no string conversion); `casefold`
 * compares the texts case-insensitively (an approximation of Python's `casefold`: NFC
 * normalization, then locale-free upper- and lower-casing, so "Straße" matches "STRASSE");
 * `contains` checks that the expected text occurs in the answer, case-sensitively.
 *
 * Use when the task has one right answer that the reference holds.
 * Avoid when many phrasings are correct; use {@link agentJudge}, or {@link contains} /
 * {@link regexMatch} for looser text checks.
 *
 * @example
 * ```ts
 * const scorers = [finalAnswerMatches("answer", { matcher: "casefold" })];
 * ```
 */
export function finalAnswerMatches(
  field = "answer",
  options: { matcher?: AnswerMatcher } = {},
): Scorer {
  const key = "final_answer_matches";
  const matcher = options.matcher ?? "casefold";
  if (!["exact", "casefold", "contains"].includes(matcher)) {
    throw new ScorerOptionsError(
      `finalAnswerMatches(): matcher got ${JSON.stringify(matcher)}, expected "exact", "casefold" or "contains"`,
    );
  }
  return scorer(
    ({ outputs, referenceOutputs }) => {
      if (!referenceOutputs || !Object.hasOwn(referenceOutputs, field)) {
        return { key, score: false, detail: { reason: "no reference", field } };
      }
      const expected = referenceOutputs[field];
      const actual = answerOf(outputs, field);
      if (actual === null || actual === undefined) {
        return { key, score: false, detail: { reason: "no answer", expected } };
      }
      let ok: boolean;
      if (matcher === "exact") ok = deepEqual(actual, expected);
      else if (matcher === "casefold")
        ok = casefold(pythonStr(actual)) === casefold(pythonStr(expected));
      else ok = pythonStr(actual).includes(pythonStr(expected));
      return { key, score: ok, detail: { expected, actual, matcher } };
    },
    { key },
  );
}
