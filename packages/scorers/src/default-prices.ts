/**
 * The price of one model in USD per million tokens. `cachedInput` is the rate for input tokens
 * read from the provider's prompt cache; without it, cached tokens cost the `input` rate.
 */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number;
}

/** A price table: model name (or name prefix) → price. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * The date the figures in {@link DEFAULT_PRICES} were taken from the providers' public price
 * pages. Prices change: verify them, and pass your own table to `cost()` for anything that
 * matters (negotiated rates, batch discounts, long-context tiers).
 *
 * @example
 * ```ts
 * console.log(`prices as of ${PRICES_AS_OF}`);
 * ```
 */
export const PRICES_AS_OF = "2025-08-01";

/**
 * Standard list prices (USD per 1M tokens, short-context tier, no batch discount) of some common
 * OpenAI, Anthropic and Google models, as of {@link PRICES_AS_OF}. A model id matches an entry
 * exactly or by its longest prefix, so dated ids ("gpt-4o-2024-08-06") find their family.
 *
 * @example
 * ```ts
 * const mine = cost({ prices: { ...DEFAULT_PRICES, "my-model": { input: 1, output: 2 } }, mode: "replace" });
 * ```
 */
export const DEFAULT_PRICES: PriceTable = Object.freeze({
  "gpt-5": { input: 1.25, cachedInput: 0.125, output: 10 },
  "gpt-5-mini": { input: 0.25, cachedInput: 0.025, output: 2 },
  "gpt-5-nano": { input: 0.05, cachedInput: 0.005, output: 0.4 },
  "gpt-4.1": { input: 2, cachedInput: 0.5, output: 8 },
  "gpt-4.1-mini": { input: 0.4, cachedInput: 0.1, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, cachedInput: 0.025, output: 0.4 },
  "gpt-4o": { input: 2.5, cachedInput: 1.25, output: 10 },
  "gpt-4o-mini": { input: 0.15, cachedInput: 0.075, output: 0.6 },
  o3: { input: 2, cachedInput: 0.5, output: 8 },
  "o4-mini": { input: 1.1, cachedInput: 0.275, output: 4.4 },
  "claude-opus-4-1": { input: 15, cachedInput: 1.5, output: 75 },
  "claude-opus-4": { input: 15, cachedInput: 1.5, output: 75 },
  "claude-sonnet-4": { input: 3, cachedInput: 0.3, output: 15 },
  "claude-3-7-sonnet": { input: 3, cachedInput: 0.3, output: 15 },
  "claude-3-5-haiku": { input: 0.8, cachedInput: 0.08, output: 4 },
  "gemini-2.5-pro": { input: 1.25, cachedInput: 0.31, output: 10 },
  "gemini-2.5-flash": { input: 0.3, cachedInput: 0.075, output: 2.5 },
  "gemini-2.5-flash-lite": { input: 0.1, cachedInput: 0.025, output: 0.4 },
  "gemini-2.0-flash": { input: 0.1, cachedInput: 0.025, output: 0.4 },
});
