import type { AnswerUsage } from "./internal/answer-usage.js";
import type { CacheRequest } from "./internal/cache-request.js";

/** What hits of one model saved. */
export interface ModelCacheSavings {
  readonly hits: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/**
 * What a model cache did: calls answered from it (`hits`, identical calls made at once included)
 * and calls that went to the model (`misses`), the tokens hits saved (read from the stored
 * answers' usage), the same per model for pricing, and entry files it could not use.
 *
 * @example
 * ```ts
 * const { hits, misses, inputTokensSaved } = cache.stats();
 * console.log(`cache: ${hits} hits, ${misses} misses, ${inputTokensSaved} input tokens saved`);
 * ```
 */
export interface ModelCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly inputTokensSaved: number;
  readonly outputTokensSaved: number;
  /** Keyed by the request's `model` field ("unknown" when it has none). */
  readonly savedByModel: Readonly<Record<string, ModelCacheSavings>>;
  /** Entry files that could not be read, each treated as a miss and written again. */
  readonly corruptEntries: readonly string[];
  /** Entries that could not be written (`file: reason`); their calls were answered anyway. */
  readonly writeFailures: readonly string[];
}

/** The mutable counts behind {@link ModelCacheStats}. */
export class StatsCounter {
  #hits = 0;
  #misses = 0;
  #input = 0;
  #output = 0;
  readonly #byModel = new Map<string, ModelCacheSavings>();
  readonly #corrupt: string[] = [];
  readonly #writeFailures: string[] = [];

  hit(request: CacheRequest, usage: AnswerUsage): void {
    this.#hits += 1;
    this.#input += usage.inputTokens;
    this.#output += usage.outputTokens;
    const body = request.body as { model?: unknown } | null;
    const model = typeof body?.model === "string" ? body.model : "unknown";
    const before = this.#byModel.get(model) ?? { hits: 0, inputTokens: 0, outputTokens: 0 };
    this.#byModel.set(model, {
      hits: before.hits + 1,
      inputTokens: before.inputTokens + usage.inputTokens,
      outputTokens: before.outputTokens + usage.outputTokens,
    });
  }

  miss(): void {
    this.#misses += 1;
  }

  corrupt(file: string): void {
    this.#corrupt.push(file);
  }

  writeFailed(file: string, error: unknown): void {
    this.#writeFailures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }

  snapshot(): ModelCacheStats {
    return {
      hits: this.#hits,
      misses: this.#misses,
      inputTokensSaved: this.#input,
      outputTokensSaved: this.#output,
      savedByModel: Object.fromEntries(this.#byModel),
      corruptEntries: [...this.#corrupt],
      writeFailures: [...this.#writeFailures],
    };
  }
}
