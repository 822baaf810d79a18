import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { retryAfterFromHeaders } from "./retry-after.js";

/**
 * Option `retries` of `runAgent` as an object: how often a task whose agent failed with a
 * transient error is asked, and how long to wait in between. Off unless given. The option
 * also takes a plain number N, meaning N retries after the first ask (`retries: 2` is
 * `{ attempts: 3 }`), as the CLI's `--retries N` does.
 *
 * @example
 * ```ts
 * await runAgent(suite, { ...options, retries: { attempts: 3, baseDelayMs: 1000 } });
 * await runAgent(suite, { ...options, retries: 2 }); // the same number of asks
 * ```
 */
export interface RetryOptions {
  /** Asks per task run at most, the first one included (so 3 = up to 2 retries). */
  readonly attempts: number;
  /** Which errors are worth another attempt; default {@link isTransientError}. */
  readonly on?: ((error: unknown) => boolean) | undefined;
  /** Backoff before retry n is a random share of `baseDelayMs * 2^(n-1)`; default 500. */
  readonly baseDelayMs?: number | undefined;
  /**
   * The longest wait before a retry; default 30000. Caps the exponential backoff; a server
   * asking (`retryAfterMs`) for more ends the retries, noted in the last attempt's message.
   */
  readonly maxDelayMs?: number | undefined;
  /** Source of jitter in [0, 1); default `Math.random` (inject a seeded one in tests). */
  readonly random?: (() => number) | undefined;
  /** Waits `ms`, rejecting with the signal's reason when it aborts; default a timer. */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/**
 * {@link RetryOptions} with every default filled in.
 *
 * @example
 * ```ts
 * const policy: RetryPolicy = { attempts: 3, on: isTransientError, baseDelayMs: 500, maxDelayMs: 30_000, random: Math.random, sleep: abortableSleep };
 * ```
 */
export interface RetryPolicy {
  readonly attempts: number;
  readonly on: (error: unknown) => boolean;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const TRANSIENT_CODES = new Set(["ECONNRESET", "ETIMEDOUT", "EPIPE", "ECONNREFUSED"]);
const TRANSIENT_NAMES = new Set(["ModelTimeoutError", "ModelConnectionError"]);
// deep enough for fetch → SDK error → wrapper chains; bounded against cycles
const CHAIN_DEPTH = 8;

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

/** The error, then its `cause` chain (the AI SDK's `AI_RetryError` keeps it as `lastError`). */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let link = error;
  while (link !== undefined && link !== null && chain.length < CHAIN_DEPTH) {
    if (chain.includes(link)) break;
    chain.push(link);
    link = field(link, "cause") ?? field(link, "lastError");
  }
  return chain;
}

/** What one link of the chain says: retry (true), don't (false), or nothing (undefined). */
function verdictOf(error: unknown): boolean | undefined {
  // the client that built the error knows its API best (the AI SDK's APICallError does)
  const retryable = field(error, "isRetryable");
  if (typeof retryable === "boolean") return retryable;
  const status = field(error, "status") ?? field(error, "statusCode");
  if (typeof status === "number" && (status === 429 || status >= 500)) return true;
  if (retryAfterOfLink(error) !== undefined) return true;
  const name = field(error, "name");
  if (typeof name === "string" && TRANSIENT_NAMES.has(name)) return true;
  const code = field(error, "code");
  return typeof code === "string" && TRANSIENT_CODES.has(code) ? true : undefined;
}

/**
 * True for errors that usually pass when tried again, judged on the error and then down its
 * `cause` chain, the first link that says anything deciding: an explicit `isRetryable`
 * (the AI SDK's `AI_APICallError`), an HTTP status 429 or 5xx (a numeric `status` or
 * `statusCode`), a server's `Retry-After` (`retryAfterMs`, or a `retry-after` /
 * `retry-after-ms` in `responseHeaders` or `headers`), a model timeout or connection error
 * (by name, so this works without importing `@ag2/eval-agent`), or a network code
 * (`ECONNRESET`, `ETIMEDOUT`, `EPIPE`, `ECONNREFUSED`).
 *
 * @example
 * ```ts
 * isTransientError(Object.assign(new Error("busy"), { status: 503 })); // true
 * isTransientError(Object.assign(new Error("slow down"), { statusCode: 429, isRetryable: true })); // true
 * ```
 */
export function isTransientError(error: unknown): boolean {
  for (const link of chainOf(error)) {
    const verdict = verdictOf(link);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

function retryAfterOfLink(error: unknown): number | undefined {
  const value = field(error, "retryAfterMs");
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  return retryAfterFromHeaders(field(error, "responseHeaders") ?? field(error, "headers"));
}

/** The server's `Retry-After` in ms, on the error or down its cause chain, when it sent one. */
export function retryAfterMsOf(error: unknown): number | undefined {
  for (const link of chainOf(error)) {
    const value = retryAfterOfLink(link);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The wait before retry number `retry` (1-based): full jitter over the exponential window
 * `min(maxDelayMs, baseDelayMs * 2^(retry-1))`, never shorter than the server's `retryAfterMs`
 * (so above `maxDelayMs` only when the server asks for more, which ends the retries).
 *
 * @example
 * ```ts
 * retryDelayMs(policy, { retry: 2, error }); // between 0 and 1000 with the defaults
 * ```
 */
export function retryDelayMs(policy: RetryPolicy, at: { retry: number; error: unknown }): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (at.retry - 1));
  const jittered = Math.floor(policy.random() * window);
  return Math.max(jittered, retryAfterMsOf(at.error) ?? 0);
}

/**
 * Waits `ms` on a timer; rejects with the signal's reason at once when it aborts.
 *
 * @example
 * ```ts
 * await abortableSleep(1000, controller.signal);
 * ```
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function nonNegative(value: unknown, name: string, fallback: number, caller: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InvalidOptionError(
      "retries",
      `${caller}: option 'retries.${name}' must be a finite number >= 0 (milliseconds); got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Checks option `retries`: a number N (N retries after the first ask) or {@link RetryOptions};
 * null when absent or 0 (no retries).
 */
export function checkRetries(value: unknown, caller: string): RetryPolicy | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) {
      throw new InvalidOptionError(
        "retries",
        `${caller}: option 'retries' must be a whole number >= 0 (retries after the first ask) or an object like { attempts: 3 }; got ${String(value)}`,
      );
    }
    return value === 0 ? null : checkRetries({ attempts: value + 1 }, caller);
  }
  if (typeof value !== "object") {
    throw new InvalidOptionError(
      "retries",
      `${caller}: option 'retries' must be a whole number >= 0 (retries after the first ask) or an object like { attempts: 3 }; got ${typeof value} ${String(value)}`,
    );
  }
  const options = value as RetryOptions;
  const { attempts } = options;
  if (typeof attempts !== "number" || !Number.isInteger(attempts) || attempts < 1) {
    throw new InvalidOptionError(
      "retries",
      `${caller}: option 'retries.attempts' must be an integer >= 1 (asks per task, the first included); got ${String(attempts)}`,
    );
  }
  for (const name of ["on", "random", "sleep"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new InvalidOptionError(
        "retries",
        `${caller}: option 'retries.${name}' must be a function; got ${typeof options[name]}`,
      );
    }
  }
  return {
    attempts,
    on: options.on ?? isTransientError,
    baseDelayMs: nonNegative(options.baseDelayMs, "baseDelayMs", 500, caller),
    maxDelayMs: nonNegative(options.maxDelayMs, "maxDelayMs", 30_000, caller),
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
  };
}
