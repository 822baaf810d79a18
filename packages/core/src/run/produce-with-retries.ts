import { TaskTimeoutError } from "../errors/task-timeout-error.js";
import type { TaskAttempt } from "../result/task-result.js";
import type { Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import { withException } from "../trace/trace.js";
import { type ProducedTrace, type ProduceOptions, produceTask } from "./produce-traces.js";
import { type RetryPolicy, retryDelayMs } from "./retry-policy.js";

function wantsRetry(policy: RetryPolicy, produced: ProducedTrace): boolean {
  try {
    return policy.on(produced.error) === true;
  } catch {
    // a predicate that fails cannot vouch for another attempt; the failure stays recorded
    return false;
  }
}

/**
 * Waits `ms` through `policy.sleep`, cut short when `leftMs` (the task's remaining time) runs
 * out: false then. Bounded by a timer of its own too, so a custom sleep that ignores its
 * signal still frees the slot at the deadline.
 */
async function waitWithin(
  policy: RetryPolicy,
  ms: number,
  leftMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (leftMs === undefined) {
    await policy.sleep(ms, signal);
    signal?.throwIfAborted();
    return true;
  }
  if (leftMs <= 0) return false;
  const deadline = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      deadline.abort(new Error("taskTimeoutMs reached during a retry backoff"));
      resolve(false);
    }, leftMs);
  });
  const both = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
  const slept = policy.sleep(ms, both).then(
    () => true,
    (error: unknown) => {
      if (deadline.signal.aborted && !signal?.aborted) return false;
      throw error;
    },
  );
  try {
    const finished = await Promise.race([slept, expired]);
    signal?.throwIfAborted();
    return finished;
  } finally {
    clearTimeout(timer);
  }
}

/** The last attempt, recorded as the task's timeout: its events stay, its error is replaced. */
function timedOut(
  produced: ProducedTrace,
  timeout: { readonly timeoutMs: number; readonly label: string | undefined },
  startedAt: number,
): ProducedTrace {
  const error = new TaskTimeoutError(produced.task.taskId, timeout.timeoutMs, timeout.label);
  const durationMs = Math.trunc(performance.now() - startedAt);
  return {
    ...produced,
    trace: withException(produced.trace, toErrorInfo(error), durationMs),
    error,
  };
}

/**
 * Produces one task run, asking again while the agent fails with an error `policy.on`
 * accepts, up to `policy.attempts` asks. Each attempt is a fresh traced ask; the last one is
 * what gets graded, and every attempt is listed in `attempts`. `options.taskTimeoutMs` bounds
 * the whole task, every attempt and backoff included: when it passes, the task is recorded as
 * a `TaskTimeoutError`. A server asking (`retryAfterMs`) for a longer wait than
 * `policy.maxDelayMs` ends the retries; the last attempt's record says so. Aborting
 * `options.signal` during a backoff rejects at once with its reason.
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
  const { taskTimeoutMs } = options;
  const startedAt = performance.now();
  const leftMs = (): number | undefined =>
    taskTimeoutMs === undefined ? undefined : taskTimeoutMs - (performance.now() - startedAt);
  const attempts: TaskAttempt[] = [];
  const warnings = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const asked = await produceTask(task, options, leftMs());
    for (const warning of asked.warnings ?? []) warnings.add(warning);
    // observer failures of earlier attempts stay reported with the graded one
    const produced = warnings.size > 0 ? { ...asked, warnings: [...warnings] } : asked;
    const failure = produced.trace.exception;
    // type and message only: a stack per attempt would bloat every kept result
    const error = failure ? { type: failure.type, message: failure.message } : null;
    attempts.push({ error, durationMs: produced.trace.durationMs });
    if (!("error" in produced) || attempt >= policy.attempts || !wantsRetry(policy, produced)) {
      return { produced, attempts };
    }
    // An attempt cut off by the task's deadline leaves no time for another, whatever a timer
    // that fired a little early makes `leftMs()` say.
    if (taskTimeoutMs !== undefined && produced.error instanceof TaskTimeoutError) {
      return { produced, attempts };
    }
    const delay = retryDelayMs(policy, { retry: attempt, error: produced.error });
    if (delay > policy.maxDelayMs && error) {
      // only a server's Retry-After gets past the cap; waiting that long would hold the slot
      attempts[attempts.length - 1] = {
        error: {
          ...error,
          message: `${error.message} (not retried: the server asked to wait ${delay} ms, more than retries.maxDelayMs ${policy.maxDelayMs})`,
        },
        durationMs: produced.trace.durationMs,
      };
      return { produced, attempts };
    }
    const waited = await waitWithin(policy, delay, leftMs(), options.signal);
    const left = leftMs();
    if (taskTimeoutMs !== undefined && (!waited || (left !== undefined && left <= 0))) {
      const timeout = { timeoutMs: taskTimeoutMs, label: options.timeoutLabel };
      return { produced: timedOut(produced, timeout, startedAt), attempts };
    }
  }
}
