import { Ag2EvalError, type ModelCallRequest, type ModelResponse } from "@ag2/eval-core";
import { parseRetryAfter } from "@ag2/eval-core/internal";
import type { CachedFetch } from "./model-cache.js";
import {
  cacheSampleHeaders,
  isCachedFetch,
  MODEL_CACHE_STATUS_HEADER,
} from "./model-cache-headers.js";
import type { AgentModelConfig, ModelClient, ModelClientContext } from "./model-config.js";
import {
  ModelConnectionError,
  ModelHTTPError,
  ModelResponseFormatError,
  ModelTimeoutError,
} from "./model-errors.js";
import { fromChatCompletion, toChatCompletionsBody } from "./openai-wire.js";

/**
 * The options of {@link OpenAICompatibleConfig}.
 *
 * @example
 * ```ts
 * const options: OpenAICompatibleConfigOptions = {
 *   baseURL: "https://api.openai.com/v1",
 *   apiKey: process.env.OPENAI_API_KEY,
 *   model: "gpt-4o-mini",
 * };
 * ```
 */
export interface OpenAICompatibleConfigOptions {
  /** The API root, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  readonly baseURL: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  readonly apiKey?: string | undefined;
  readonly model: string;
  /** Extra request headers (e.g. `api-key` for Azure). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Per model call, including reading the body. Default 60000. */
  readonly timeoutMs?: number | undefined;
  /**
   * Replaces the global `fetch` (for proxies or tests). A model cache's fetch
   * ({@link createCachedFetch}) caches the calls: each task's repeat is sent to it as its
   * sample number, and answers it served are marked `cached` on the trace.
   */
  readonly fetch?: typeof fetch | undefined;
  /** The provider name reported in traces. Default "openai". */
  readonly provider?: string | undefined;
  /** Sent as `json_schema.strict`; OpenAI's strict mode needs every property required. Default false. */
  readonly strictSchema?: boolean | undefined;
}

const BODY_EXCERPT = 500;

/**
 * A model behind any OpenAI-compatible `/chat/completions` endpoint: OpenAI, Azure OpenAI,
 * Ollama, vLLM, LM Studio, llama.cpp's server… Failures are typed: {@link ModelHTTPError}
 * (non-2xx, with `retryAfterMs`), {@link ModelTimeoutError}, {@link ModelConnectionError}.
 *
 * @example
 * ```ts
 * const config = new OpenAICompatibleConfig({
 *   baseURL: "http://localhost:11434/v1", // Ollama
 *   model: "llama3.2",
 * });
 * const reply = await new Agent({ name: "helper", config }).ask("Hello");
 * ```
 */
export class OpenAICompatibleConfig implements AgentModelConfig {
  readonly provider: string;
  readonly model: string;
  readonly baseURL: string;
  readonly endpoint: string;
  readonly timeoutMs: number;
  readonly #options: OpenAICompatibleConfigOptions;

  constructor(options: OpenAICompatibleConfigOptions) {
    this.#options = options;
    this.provider = options.provider ?? "openai";
    this.model = options.model;
    this.baseURL = options.baseURL.replace(/\/+$/, "");
    this.endpoint = `${this.baseURL}/chat/completions`;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  createClient(context: ModelClientContext = {}): ModelClient {
    const fetchImpl = effectiveFetch(this.#options.fetch, context.fetch);
    // only a cache's fetch is told the sample: it removes the header before a request leaves
    const sample = context.task && isCachedFetch(fetchImpl) ? cacheSampleHeaders(context.task) : {};
    return { call: (request, { signal }) => this.#call(request, signal, { fetchImpl, sample }) };
  }

  async #call(
    request: ModelCallRequest,
    signal: AbortSignal | undefined,
    via: { fetchImpl: typeof fetch; sample: Readonly<Record<string, string>> },
  ): Promise<ModelResponse> {
    const { fetchImpl, sample } = via;
    const { endpoint, timeoutMs } = this;
    const options = this.#options;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    Object.assign(headers, options.headers, sample);
    const body = JSON.stringify(
      toChatCompletionsBody(request, this.model, options.strictSchema ?? false),
    );
    let status: number;
    let text: string;
    let retryAfter: string | null;
    let cached = false;
    try {
      const response = await fetchImpl(endpoint, {
        method: "POST",
        headers,
        body,
        signal: combined,
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      cached = response.headers.get(MODEL_CACHE_STATUS_HEADER) === "hit";
      text = await response.text();
    } catch (error) {
      // The caller's abort wins over our timeout: cancellation is not a model failure.
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) throw new ModelTimeoutError(endpoint, timeoutMs);
      // a cache's own errors (a replay miss, a corrupt entry) say more than "connection failed"
      if (Ag2EvalError.isInstance(error)) throw error;
      throw new ModelConnectionError(endpoint, error);
    }
    if (status < 200 || status >= 300) {
      throw new ModelHTTPError(
        status,
        endpoint,
        text.slice(0, BODY_EXCERPT),
        parseRetryAfter(retryAfter),
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ModelResponseFormatError(endpoint, "body is not JSON", text.slice(0, BODY_EXCERPT));
    }
    const parsed = fromChatCompletion(json, { provider: this.provider, model: this.model });
    if (typeof parsed === "string") {
      throw new ModelResponseFormatError(endpoint, parsed, text.slice(0, BODY_EXCERPT));
    }
    return cached ? { ...parsed, cached: true } : parsed;
  }
}

/**
 * Which fetch a client uses: its own config's when that is a cache's (the user chose it), the
 * run's cache over the config's own transport when the run gives one, else the config's own or
 * the global fetch.
 */
function effectiveFetch(
  own: typeof fetch | undefined,
  run: typeof fetch | undefined,
): typeof fetch {
  if (own && isCachedFetch(own)) return own;
  if (run && isCachedFetch(run)) return own ? (run as CachedFetch).cache.fetchVia(own) : run;
  return own ?? run ?? fetch;
}
