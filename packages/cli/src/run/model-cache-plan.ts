import { join } from "node:path";
import {
  DEFAULT_PRICES,
  findPrice,
  ModelCache,
  type ModelCacheMode,
  type PriceTable,
} from "@ag2/eval";
import type { ModelCacheReport } from "../output/format-model-cache.js";

/**
 * The run's model cache in `<storeDir>/cache`, or null when the mode is off or unset.
 *
 * @example
 * ```ts
 * const cache = openModelCache({ mode: plan.cache, storeDir: settings.storeDir });
 * ```
 */
export function openModelCache(options: {
  mode: ModelCacheMode | undefined;
  storeDir: string;
}): ModelCache | null {
  const { mode, storeDir } = options;
  if (mode === undefined || mode === "off") return null;
  return new ModelCache({ dir: join(storeDir, "cache"), mode });
}

/**
 * A cache's counts with the dollars its hits saved, priced per model like `--max-cost-usd`.
 *
 * @example
 * ```ts
 * const report = modelCacheReport(cache, { ...DEFAULT_PRICES, ...config.prices });
 * ```
 */
export function modelCacheReport(
  cache: ModelCache,
  prices: PriceTable = DEFAULT_PRICES,
): ModelCacheReport {
  const stats = cache.stats();
  let usd = 0;
  const unpriced: string[] = [];
  for (const [model, saved] of Object.entries(stats.savedByModel)) {
    const price = findPrice(prices, model);
    if (!price) {
      if (saved.inputTokens + saved.outputTokens > 0) unpriced.push(model);
      continue;
    }
    usd += (saved.inputTokens * price.input + saved.outputTokens * price.output) / 1e6;
  }
  return {
    mode: cache.mode,
    dir: cache.dir,
    hits: stats.hits,
    misses: stats.misses,
    input_tokens_saved: stats.inputTokensSaved,
    output_tokens_saved: stats.outputTokensSaved,
    usd_saved: usd,
    unpriced_models: unpriced,
    corrupt_entries: stats.corruptEntries,
  };
}
