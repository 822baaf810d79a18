import type { Task } from "@ag2/eval-core";
import { originalTaskId } from "@ag2/eval-core/internal";

/**
 * The request header that carries the sample number (the repeat, from 1) into a model cache's
 * key. The cache removes it before the request leaves, so the endpoint never sees it.
 */
export const MODEL_CACHE_SAMPLE_HEADER = "x-ag2-eval-sample";

/** The response header a model cache adds: `hit` when the answer came from the cache. */
export const MODEL_CACHE_STATUS_HEADER = "x-ag2-eval-cache";

// a registered symbol, so a fetch made by another copy of this package is recognised too
const CACHED_FETCH = Symbol.for("@ag2/eval-agent.cachedFetch");

/** Marks a function as a model cache's fetch (one that understands the sample header). */
export function markCachedFetch<T extends object>(fetchFn: T): T {
  Object.defineProperty(fetchFn, CACHED_FETCH, { value: true });
  return fetchFn;
}

/**
 * True for a fetch made by a model cache: only such a fetch should be sent the sample header.
 *
 * @example
 * ```ts
 * isCachedFetch(createCachedFetch({ dir })); // true
 * isCachedFetch(fetch); // false
 * ```
 */
export function isCachedFetch(value: unknown): boolean {
  return (
    typeof value === "function" && (value as { [CACHED_FETCH]?: unknown })[CACHED_FETCH] === true
  );
}

/**
 * Which repeat of its task a task is: `n` for the id `<id>#n` that `runAgent` gives the n-th
 * repeat, 1 when the suite is run without repeats (so a first repeat reuses a run without them).
 *
 * @example
 * ```ts
 * repeatIndex(expandRepeats([task], 3)[2]); // 3
 * ```
 */
export function repeatIndex(task: Task): number {
  const original = originalTaskId(task);
  if (original === task.taskId) return 1;
  const index = Number(task.taskId.slice(original.length + 1));
  return Number.isInteger(index) && index > 0 ? index : 1;
}

/**
 * The headers that make a model cache keep a task's repeats apart: pass them with each model
 * call of an agent whose SDK uses a cached fetch.
 *
 * @example
 * ```ts
 * const openai = createOpenAI({ fetch: createCachedFetch({ dir: ".ag2-eval/cache" }) });
 * const agent: AgentFactory = ({ task }) => ({
 *   name: "helper",
 *   ask: (input) => generateText({ model: openai("gpt-4o-mini"), prompt: input, headers: cacheSampleHeaders(task) }),
 * });
 * ```
 */
export function cacheSampleHeaders(task: Task): Record<string, string> {
  return { [MODEL_CACHE_SAMPLE_HEADER]: String(repeatIndex(task)) };
}
