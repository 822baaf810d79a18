import { type Feedback, type Scorer, scorer } from "@ag2/eval-core";
import { erroredTaskFeedback } from "./internal/errored-task.js";

/**
 * Reports the run's wall-clock duration (`trace.durationMs`) as a numeric feedback
 * `<key>_ms`, and with `maxMs` a pass/fail feedback `<key>` (inclusive: `durationMs <= maxMs`).
 * Key base `latency`; a shorter duration is better (`direction: "lower"`). On a task whose agent threw, `<key>_ms` is null and `<key>` fails: the
 * time to a failure says nothing about the agent's speed.
 *
 * Use when response time is part of the product's quality bar.
 * Avoid when comparing machines or loaded CI runners; durations are noisy there, so prefer
 * {@link tokenBudget} or {@link cost} as a stable proxy.
 *
 * @example
 * ```ts
 * const scorers = [latency({ maxMs: 5_000 })];
 * ```
 */
export function latency(options: { maxMs?: number; key?: string } = {}): Scorer {
  const key = options.key ?? "latency";
  return scorer(
    ({ trace }) => {
      const errored = erroredTaskFeedback(trace, {
        numeric: `${key}_ms`,
        pass: options.maxMs === undefined ? undefined : key,
      });
      if (errored) return errored;
      const ms = trace.durationMs;
      const feedback: Feedback[] = [{ key: `${key}_ms`, score: ms }];
      if (options.maxMs !== undefined) {
        const ok = ms <= options.maxMs;
        feedback.push({
          key,
          score: ok,
          comment: `${ms}ms ${ok ? "<=" : ">"} ${options.maxMs}ms → ${ok ? "pass" : "fail"}`,
          detail: { durationMs: ms, maxMs: options.maxMs },
        });
      }
      return feedback;
    },
    { key, direction: "lower" },
  );
}
