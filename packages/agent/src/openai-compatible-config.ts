import type { ModelCallRequest, ModelResponse } from "@ag2/eval-core";
import { parseRetryAfter } from "@ag2/eval-core/internal";
import type { AgentModelConfig, ModelClient } from "./model-config.js";
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
  /** Replaces the global `fetch` (for proxies or tests). */
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

  createClient(): ModelClient {
    return { call: (request, { signal }) => this.#call(request, signal) };
  }

  async #call(request: ModelCallRequest, signal: AbortSignal | undefined): Promise<ModelResponse> {
    const { endpoint, timeoutMs } = this;
    const options = this.#options;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    Object.assign(headers, options.headers);
    const body = JSON.stringify(
      toChatCompletionsBody(request, this.model, options.strictSchema ?? false),
    );
    const fetchImpl = options.fetch ?? fetch;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await fetchImpl(endpoint, {
        method: "POST",
        headers,
        body,
        signal: combined,
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      text = await response.text();
    } catch (error) {
      // The caller's abort wins over our timeout: cancellation is not a model failure.
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) throw new ModelTimeoutError(endpoint, timeoutMs);
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
    return parsed;
  }
}
