import { type ProducedTrace, type ProduceOptions, produceTask } from "./produce-traces.js";
import { type RetryPolicy, retryDelayMs } from "./retry-policy.js";
import type { Task } from "./task.js";
import type { TaskAttempt } from "./task-result.js";

function wantsRetry(policy: RetryPolicy, produced: ProducedTrace): boolean {
  try {
    return policy.on(produced.error) === true;
  } catch {
    // a predicate that fails cannot vouch for another attempt; the failure stays recorded
    return false;
  }
}

/**
 * Produces one task run, asking again while the agent fails with an error `policy.on`
 * accepts, up to `policy.attempts` asks. Each attempt is a fresh traced ask; the last one is
 * what gets graded, and every attempt is listed in `attempts`. Aborting `options.signal`
 * during a backoff rejects at once with its reason.
 *
 * @example
 * ```ts
 * const { produced, attempts } = await produceWithRetries(task, produceOptions, policy);
 * ```
 */
export async function produceWithRetries(
  task: Task,
  options: ProduceOptions,
  policy: RetryPolicy | null,
): Promise<{ produced: ProducedTrace; attempts?: readonly TaskAttempt[] }> {
  if (!policy) return { produced: await produceTask(task, options) };
  const attempts: TaskAttempt[] = [];
  for (let attempt = 1; ; attempt++) {
    const produced = await produceTask(task, options);
    const failure = produced.trace.exception;
    // type and message only: a stack per attempt would bloat every kept result
    const error = failure ? { type: failure.type, message: failure.message } : null;
    attempts.push({ error, durationMs: produced.trace.durationMs });
    if (!("error" in produced) || attempt >= policy.attempts || !wantsRetry(policy, produced)) {
      return { produced, attempts };
    }
    const delay = retryDelayMs(policy, { retry: attempt, error: produced.error });
    await policy.sleep(delay, options.signal);
    options.signal?.throwIfAborted();
  }
}
