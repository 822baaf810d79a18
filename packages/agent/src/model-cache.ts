import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { answerUsage } from "./internal/answer-usage.js";
import { type CachedAnswer, readEntry, writeEntry } from "./internal/cache-entry.js";
import { type Outcome, parseSample, readRequest, toResponse } from "./internal/cache-http.js";
import { type CacheRequest, cacheKey, cacheRequest } from "./internal/cache-request.js";
import { ModelCacheMissError, ModelCacheOptionsError } from "./model-cache-errors.js";
import { MODEL_CACHE_SAMPLE_HEADER, markCachedFetch } from "./model-cache-headers.js";
import { type ModelCacheStats, StatsCounter } from "./model-cache-stats.js";

/**
 * `off`: every call goes to the model, nothing is read or written. `read-write`: a stored answer
 * is used, a new one stored. `replay`: only stored answers; a miss is an error (CI without API
 * keys, a recorded evaluation shipped in a repository). `record`: every call goes to the model
 * and its answer replaces the stored one.
 */
export type ModelCacheMode = "off" | "read-write" | "replay" | "record";

const MODES: readonly ModelCacheMode[] = ["off", "read-write", "replay", "record"];

/**
 * The options of {@link ModelCache} and {@link createCachedFetch}.
 *
 * @example
 * ```ts
 * const options: ModelCacheOptions = { dir: ".ag2-eval/cache", mode: "read-write" };
 * ```
 */
export interface ModelCacheOptions {
  /** The folder of entry files (one readable JSON file per request); created on first write. */
  readonly dir: string;
  /** Default `read-write`. */
  readonly mode?: ModelCacheMode | undefined;
  /** What a miss calls; default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
}

/** A `fetch` that answers from a {@link ModelCache}; `cache` reads its counts. */
export type CachedFetch = typeof fetch & { readonly cache: ModelCache };

/**
 * A cache of model calls on disk, keyed by the request: method, URL, JSON body (model,
 * messages, tools, parameters) and the sample number, so the repeats of a task stay independent
 * samples. Authorization and API-key headers are never part of a key or a file; neither are
 * key-like URL parameters (`?key=`) or top-level body fields (`api_key`). Only 2xx answers are
 * stored (a 429, a 5xx or a network error is passed on, never kept), and identical requests in
 * flight at once make one call.
 *
 * Why a sample header instead of a cache per task: the cache sits under the SDK, which knows
 * nothing of tasks, and one cache (one count of hits, one set of calls in flight) should serve a
 * whole run. So the repeat travels with the request: the agent sets `x-ag2-eval-sample`
 * ({@link cacheSampleHeaders}); the cache reads it into the key and removes it before a request
 * leaves. `OpenAICompatibleConfig` does this itself from the task `runAgent` passes to `ask`.
 *
 * @example
 * ```ts
 * const cache = new ModelCache({ dir: ".ag2-eval/cache", mode: "read-write" });
 * const config = new OpenAICompatibleConfig({ baseURL, model: "gpt-4o-mini", fetch: cache.fetch });
 * // …run…
 * const { hits, misses, inputTokensSaved, outputTokensSaved } = cache.stats();
 * ```
 */
export class ModelCache {
  readonly dir: string;
  readonly mode: ModelCacheMode;
  /** Hand it to any SDK that accepts a custom `fetch` (AI SDK providers, the OpenAI SDK). */
  readonly fetch: CachedFetch;
  readonly #inFlight = new Map<string, Promise<Outcome>>();
  readonly #counter = new StatsCounter();
  #folder: Promise<unknown> | undefined;

  constructor(options: ModelCacheOptions) {
    const mode = options.mode ?? "read-write";
    if (!MODES.includes(mode)) {
      throw new ModelCacheOptionsError(
        `model cache: mode: expected one of ${MODES.join(", ")}; got ${JSON.stringify(mode)}`,
      );
    }
    if (typeof options.dir !== "string" || options.dir === "") {
      throw new ModelCacheOptionsError(
        `model cache: dir: expected a folder path; got ${JSON.stringify(options.dir)}`,
      );
    }
    this.dir = options.dir;
    this.mode = mode;
    this.fetch = this.fetchVia(options.fetch ?? ((input, init) => fetch(input, init)));
  }

  /**
   * This cache's fetch with another transport for misses (a proxy's fetch, a test server's):
   * the same entries, counts and calls in flight.
   *
   * @example
   * ```ts
   * const viaProxy = cache.fetchVia(proxyFetch);
   * ```
   */
  fetchVia(base: typeof fetch): CachedFetch {
    const cached = ((input: string | URL | Request, init?: RequestInit) =>
      this.#fetch(base, input, init)) as typeof fetch;
    return markCachedFetch(Object.assign(cached, { cache: this }));
  }

  /** Hits, misses and the tokens hits saved, counted since the cache was made. */
  stats(): ModelCacheStats {
    return this.#counter.snapshot();
  }

  /** The entry file of a key. */
  fileOf(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  async #fetch(
    base: typeof fetch,
    input: string | URL | Request,
    init: RequestInit | undefined,
  ): Promise<Response> {
    const request = await readRequest(input, init);
    const sampleText = request.headers.get(MODEL_CACHE_SAMPLE_HEADER);
    if (this.mode === "off" && sampleText === null) return base(input, init);
    const { headers, bodyText } = request;
    headers.delete(MODEL_CACHE_SAMPLE_HEADER);
    const forward = (): Promise<Response> =>
      base(request.url, {
        method: request.method,
        headers,
        ...(bodyText === "" ? {} : { body: bodyText }),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    if (this.mode === "off") return forward();
    const described = cacheRequest({
      method: request.method,
      url: request.url,
      sample: parseSample(sampleText),
      bodyText,
    });
    const key = cacheKey(described);
    let shared = this.#inFlight.get(key);
    const joined = shared !== undefined;
    if (!shared) {
      shared = this.#answer(key, described, forward).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, shared);
    }
    const outcome = await shared;
    const { answer } = outcome;
    const ok = answer.status >= 200 && answer.status <= 299;
    const hit = ok && (joined || outcome.headers === undefined);
    if (hit) this.#counter.hit(described, answerUsage(answer.text, answer.contentType));
    return toResponse(outcome, hit);
  }

  async #answer(
    key: string,
    described: CacheRequest,
    forward: () => Promise<Response>,
  ): Promise<Outcome> {
    const file = this.fileOf(key);
    if (this.mode !== "record") {
      let stored: CachedAnswer | undefined;
      try {
        stored = readEntry(file, key);
      } catch (error) {
        if (this.mode === "replay") throw error;
        this.#counter.corrupt(file);
      }
      if (stored) return { answer: stored };
      if (this.mode === "replay") throw new ModelCacheMissError(file, described);
    }
    this.#counter.miss();
    const response = await forward();
    const answer = {
      status: response.status,
      contentType: response.headers.get("content-type"),
      text: await response.text(),
    };
    if (answer.status >= 200 && answer.status <= 299) {
      try {
        this.#folder ??= mkdir(this.dir, { recursive: true });
        await this.#folder;
        await writeEntry(file, { key, request: described, answer });
      } catch (error) {
        // the answer is good: a full disk costs the next run a call, not this one its result
        this.#folder = undefined;
        this.#counter.writeFailed(file, error);
      }
    }
    return { answer, headers: response.headers };
  }
}

/**
 * A `fetch` that caches model calls: `createCachedFetch(options)` is `new ModelCache(options).fetch`.
 *
 * @example
 * ```ts
 * import { createOpenAI } from "@ai-sdk/openai";
 * const cachedFetch = createCachedFetch({ dir: ".ag2-eval/cache", mode: "replay" });
 * const openai = createOpenAI({ fetch: cachedFetch });
 * // after the run: cachedFetch.cache.stats().hits
 * ```
 */
export function createCachedFetch(options: ModelCacheOptions): CachedFetch {
  return new ModelCache(options).fetch;
}
