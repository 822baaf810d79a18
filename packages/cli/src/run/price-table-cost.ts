import { DEFAULT_PRICES, findPrice, type PriceTable, type Trace } from "@ag2/eval";

/** What {@link priceTableCost} returns. */
export interface PriceTableCost {
  /** The trace's cost in USD; responses of unpriced models count 0. */
  readonly costOf: (trace: Trace) => number;
  /** Models seen without a price, in the order first seen. */
  readonly unpriced: ReadonlySet<string>;
}

/**
 * Prices a trace for `--max-cost-usd` with the scorers' price table: every model response's
 * input (cached input at its own rate) and output tokens. Unlike the `cost()` scorer, which
 * refuses to guess, a budget must go on: an unknown model counts 0 and is remembered in
 * `unpriced` so the CLI can warn about it once.
 *
 * @example
 * ```ts
 * const pricing = priceTableCost();
 * await runAgent(suite, { ...options, runBudget: { maxCostUsd: 5, costOf: pricing.costOf } });
 * for (const model of pricing.unpriced) console.warn(`no price for ${model}`);
 * ```
 */
export function priceTableCost(options: { prices?: PriceTable } = {}): PriceTableCost {
  const table = options.prices ?? DEFAULT_PRICES;
  const unpriced = new Set<string>();
  const costOf = (trace: Trace): number => {
    let usd = 0;
    for (const response of trace.eventsOf("ModelResponse")) {
      const usage = response.usage;
      if (!usage) continue;
      const model = response.model ?? "(unnamed model)";
      const price = response.model ? findPrice(table, response.model) : undefined;
      if (!price) {
        unpriced.add(model);
        continue;
      }
      // input tokens include the cached ones (GenAI semantic conventions, OpenAI usage)
      const input = usage.inputTokens ?? 0;
      const cached = Math.min(usage.cacheReadInputTokens ?? 0, input);
      const output = usage.outputTokens ?? 0;
      const cachedRate = price.cachedInput ?? price.input;
      usd += ((input - cached) * price.input + cached * cachedRate + output * price.output) / 1e6;
    }
    return usd;
  };
  return { costOf, unpriced };
}
