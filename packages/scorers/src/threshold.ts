import type { Feedback, Scorer } from "@ag2/eval-core";
import { ScorerOptionsError } from "./scorer-options-error.js";

/** Inclusive bounds for {@link threshold}. */
export interface ThresholdOptions {
  readonly atLeast?: number | undefined;
  readonly atMost?: number | undefined;
  /** The key of the pass/fail feedback; defaults to the inner feedback's key. */
  readonly key?: string | undefined;
}

function reshape(fb: Feedback, lo: number | null, hi: number | null, key?: string): Feedback {
  const s = fb.score;
  const original = fb.comment ? `; ${fb.comment}` : "";
  if (typeof s === "number") {
    const ok = (lo === null || s >= lo) && (hi === null || s <= hi);
    const bounds = [lo === null ? null : `>= ${lo}`, hi === null ? null : `<= ${hi}`]
      .filter((part) => part !== null)
      .join(" and ");
    return {
      key: key ?? fb.key,
      score: ok,
      comment: `score ${s} ${bounds} → ${ok ? "pass" : "fail"}${original}`,
      detail: { ...(fb.detail ?? {}), score: s, at_least: lo, at_most: hi },
    };
  }
  if ((s === null || s === undefined) && (fb.value === null || fb.value === undefined)) {
    return {
      key: key ?? fb.key,
      score: false,
      comment: `ungradeable → fail${original}`,
      detail: { ...(fb.detail ?? {}), score: null, at_least: lo, at_most: hi },
    };
  }
  // Booleans and categorical values already say pass/fail or a label; bounds do not apply.
  return fb;
}

/**
 * Turns a numeric scorer into pass/fail: each numeric feedback passes when its score is within
 * the inclusive bounds. The comment reads `score 0.8 >= 0.7 → pass` (plus the inner comment);
 * `detail` keeps the inner detail with `score`, `at_least` and `at_most`. An ungradeable
 * feedback (no score, no value, e.g. a judge that failed) fails with `ungradeable → fail`.
 * Boolean and categorical feedback passes through unchanged.
 *
 * Use when a numeric grade (a judge's 0–1 score, a similarity) should gate CI as a pass rate.
 * Avoid when you want the mean of the grade itself; keep the inner scorer and read
 * `scoreStats` instead.
 *
 * @throws {ScorerOptionsError} `threshold(): set atLeast and/or atMost` when neither bound is set.
 * @example
 * ```ts
 * const good = threshold(agentJudge(config, { criterion: "helpful", key: "helpful" }), { atLeast: 0.7 });
 * ```
 */
export function threshold(inner: Scorer, options: ThresholdOptions): Scorer {
  const lo = options.atLeast ?? null;
  const hi = options.atMost ?? null;
  if (lo === null && hi === null) {
    throw new ScorerOptionsError("threshold(): set atLeast and/or atMost");
  }
  return {
    key: options.key ?? inner.key,
    async score(context) {
      const feedback = await inner.score(context);
      return feedback.map((fb) => reshape(fb, lo, hi, options.key));
    },
  };
}
