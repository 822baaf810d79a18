import { type Scorer, scorer } from "@ag2/eval-core";
import { answerOf, expectedOf, preview } from "./internal/answer.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

/** Options of {@link numericClose}. */
export interface NumericCloseOptions {
  /** Reference field (and JSON output field) to compare. Default `"answer"`. */
  readonly field?: string;
  /** A fixed expected number; overrides the reference. */
  readonly expected?: number;
  /** Absolute tolerance. Default 0. */
  readonly absTol?: number;
  /** Relative tolerance, a fraction of the larger magnitude. Default 1e-9. */
  readonly relTol?: number;
  readonly key?: string;
}

function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  // The first number in the text, so "The answer is 42." grades as 42.
  const match = /[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(value);
  if (!match) return null;
  const parsed = Number(match[0].replaceAll(",", ""));
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * Passes when the answer is numerically close to the expected number, with Python's
 * `math.isclose` rule: `|a - e| <= max(relTol * max(|a|, |e|), absTol)`. A text answer is read
 * as its first number ("about 1,234.5 km" → 1234.5). Key `numeric_close`; boolean score.
 * No expected number → score null; an answer with no number → false.
 *
 * Use when answers are computed quantities where rounding differs.
 * Avoid when the number must match exactly as written; use {@link exactMatch}.
 *
 * @example
 * ```ts
 * const scorers = [numericClose({ field: "total", absTol: 0.01 })];
 * ```
 */
export function numericClose(options: NumericCloseOptions = {}): Scorer {
  const key = options.key ?? "numeric_close";
  const field = options.field ?? "answer";
  const absTol = options.absTol ?? 0;
  const relTol = options.relTol ?? 1e-9;
  if (absTol < 0 || relTol < 0) {
    throw new ScorerOptionsError(
      `numericClose(): got absTol ${absTol}, relTol ${relTol}; expected tolerances >= 0`,
    );
  }
  return scorer(
    ({ outputs, referenceOutputs }) => {
      const given = expectedOf(options, referenceOutputs, field);
      const expected = given.found ? toNumber(given.value) : null;
      if (expected === null) {
        return {
          key,
          score: null,
          comment: given.found
            ? `expected value ${preview(given.value)} is not a number`
            : `no expected value: referenceOutputs.${field} is missing`,
        };
      }
      const raw = answerOf(outputs, field);
      const actual = toNumber(raw);
      if (actual === null) {
        return { key, score: false, comment: `no number in answer ${preview(raw ?? null)}` };
      }
      const diff = Math.abs(actual - expected);
      const ok = diff <= Math.max(relTol * Math.max(Math.abs(actual), Math.abs(expected)), absTol);
      return {
        key,
        score: ok,
        comment: ok ? undefined : `got ${actual}, expected ${expected} (difference ${diff})`,
        detail: { actual, expected, diff, absTol, relTol },
      };
    },
    { key },
  );
}
