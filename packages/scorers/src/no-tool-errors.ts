import { type Scorer, scorer } from "@ag2/eval-core";
import { erroredTaskFeedback } from "./internal/errored-task.js";

/**
 * Passes when no tool failed during the run. Key `no_tool_errors`; boolean score;
 * `detail.errors` lists the failing tools' names in order. A task whose agent threw fails: a
 * run that did not finish cannot vouch for its tools.
 *
 * Use when any tool failure is a defect (bad arguments, a tool the agent should not reach).
 * Avoid when tool errors are expected and recovered from; grade the outcome instead
 * (e.g. {@link finalAnswerMatches}), or label the failure with {@link failureAttribution}.
 *
 * @example
 * ```ts
 * const scorers = [noToolErrors()];
 * ```
 */
export function noToolErrors(): Scorer {
  const key = "no_tool_errors";
  return scorer(
    ({ trace }) => {
      const errored = erroredTaskFeedback(trace, { pass: key });
      if (errored) return errored;
      const errors = trace.eventsOf("ToolErrorEvent").map((event) => event.name);
      return { key, score: errors.length === 0, detail: { errors } };
    },
    { key },
  );
}
