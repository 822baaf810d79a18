/** A scorer's grade: a boolean is pass/fail, a number is a numeric grade, `null` means no signal. */
export type ScoreValue = boolean | number | null;

/**
 * One graded signal, the unit every scorer returns and every aggregate reads.
 *
 * `score` feeds pass rates (booleans) or score statistics (numbers); `value` feeds value counts.
 * Both may be set, or neither ("no signal", what a crashed scorer produces). `detail` is
 * structured, JSON-safe evidence that aggregation never reads.
 *
 * @example
 * ```ts
 * const fb: Feedback = { key: "correct", score: true, comment: "matched 'Paris'" };
 * ```
 */
export interface Feedback {
  readonly key: string;
  readonly score?: ScoreValue | undefined;
  readonly value?: string | null | undefined;
  readonly comment?: string | null | undefined;
  readonly detail?: Readonly<Record<string, unknown>> | null | undefined;
}
