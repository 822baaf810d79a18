import type { Feedback, Trace } from "@ag2/eval-core";

/**
 * The feedback of a scorer that measures a finished run, for a task whose agent threw: its
 * numeric keys are null (a failed run's duration or spend is no measure of the agent, and a
 * fast failure must not look better) and its pass/fail keys fail. Null when the task did not
 * error, so the scorer grades as usual.
 */
export function erroredTaskFeedback(
  trace: Trace,
  keys: { readonly numeric?: string | undefined; readonly pass?: string | undefined },
): Feedback[] | null {
  const error = trace.exception;
  if (!error) return null;
  const cause = `task errored (${error.type}: ${error.message})`;
  const feedback: Feedback[] = [];
  if (keys.numeric !== undefined) {
    feedback.push({ key: keys.numeric, score: null, comment: `${cause}; not measured` });
  }
  if (keys.pass !== undefined) {
    feedback.push({ key: keys.pass, score: false, comment: `${cause} → fail` });
  }
  return feedback;
}
