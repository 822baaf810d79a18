import { type Feedback, type ModelResponse, type Scorer, scorer } from "@ag2/eval-core";
import { DEFAULT_PRICES, type ModelPrice, type PriceTable } from "./default-prices.js";
import { erroredTaskFeedback } from "./internal/errored-task.js";

/** Options of {@link cost}. */
export interface CostOptions {
  /** With it, a pass/fail feedback `<key>` (inclusive: cost <= maxUsd) is added. */
  readonly maxUsd?: number;
  /** Prices to use, USD per 1M tokens. */
  readonly prices?: PriceTable;
  /** `extend` (default): `prices` are laid over {@link DEFAULT_PRICES}; `replace`: only `prices`. */
  readonly mode?: "extend" | "replace";
  readonly key?: string;
}

/**
 * Looks a model up in a price table: the exact id, then the id without a provider prefix
 * ("openai/gpt-4o"), then the longest entry that prefixes it at a `-`, `:` or `@` boundary.
 *
 * @example
 * ```ts
 * findPrice(DEFAULT_PRICES, "gpt-4o-mini-2024-07-18"); // the "gpt-4o-mini" entry
 * ```
 */
export function findPrice(table: PriceTable, model: string): ModelPrice | undefined {
  const bare = model.slice(model.lastIndexOf("/") + 1);
  for (const id of [model, bare]) {
    if (Object.hasOwn(table, id)) return table[id];
  }
  let best: string | undefined;
  for (const name of Object.keys(table)) {
    const boundary = bare[name.length];
    const atBoundary = boundary === "-" || boundary === ":" || boundary === "@";
    if (bare.startsWith(name) && atBoundary && (!best || name.length > best.length)) best = name;
  }
  return best === undefined ? undefined : table[best];
}

function responseCost(price: ModelPrice, response: ModelResponse): number {
  const usage = response.usage ?? {};
  // Input tokens include cached ones (the GenAI semantic convention and OpenAI's usage agree).
  const input = usage.inputTokens ?? 0;
  const cached = Math.min(usage.cacheReadInputTokens ?? 0, input);
  const output = usage.outputTokens ?? 0;
  const cachedRate = price.cachedInput ?? price.input;
  return ((input - cached) * price.input + cached * cachedRate + output * price.output) / 1e6;
}

/**
 * Computes the run's cost in USD from every model response's model and token usage (input,
 * cached input at the cached rate, output) and a price table: {@link DEFAULT_PRICES}, extended
 * or replaced by `prices`. Returns the numeric feedback `<key>_usd`, and with `maxUsd` the
 * pass/fail feedback `<key>`. A model missing from the table, or a response without a model
 * name or usage, gives score null with a comment naming it (`no price for model 'x'`), never a
 * silent zero. On a task whose agent threw, `<key>_usd` is null and `<key>` fails. Key base
 * `cost`; a smaller cost is better (`direction: "lower"`).
 *
 * Use when comparing models or prompts whose token counts and prices both differ.
 * Avoid when you only need a token ceiling independent of prices; use {@link tokenBudget}.
 *
 * @example
 * ```ts
 * const scorers = [cost({ maxUsd: 0.05, prices: { "my-finetune": { input: 3, output: 12 } } })];
 * ```
 */
export function cost(options: CostOptions = {}): Scorer {
  const key = options.key ?? "cost";
  const table: PriceTable =
    options.mode === "replace" ? (options.prices ?? {}) : { ...DEFAULT_PRICES, ...options.prices };
  return scorer(
    ({ trace }) => {
      const errored = erroredTaskFeedback(trace, {
        numeric: `${key}_usd`,
        pass: options.maxUsd === undefined ? undefined : key,
      });
      if (errored) return errored;
      let usd = 0;
      const perModel: Record<string, number> = {};
      let problem: string | null = null;
      for (const [index, response] of trace.eventsOf("ModelResponse").entries()) {
        const model = response.model;
        const price = model ? findPrice(table, model) : undefined;
        if (!model) problem = `model response ${index + 1} has no model name; cannot price it`;
        else if (!price) problem = `no price for model '${model}' (add it with cost({ prices }))`;
        else if (!response.usage) {
          problem = `model response ${index + 1} ('${model}') has no token usage; cannot price it`;
        }
        if (problem !== null || !model || !price) break;
        const amount = responseCost(price, response);
        usd += amount;
        perModel[model] = (perModel[model] ?? 0) + amount;
      }
      if (problem !== null) {
        const none: Feedback[] = [{ key: `${key}_usd`, score: null, comment: problem }];
        if (options.maxUsd !== undefined) none.push({ key, score: null, comment: problem });
        return none;
      }
      const feedback: Feedback[] = [{ key: `${key}_usd`, score: usd, detail: { perModel } }];
      if (options.maxUsd !== undefined) {
        const ok = usd <= options.maxUsd;
        feedback.push({
          key,
          score: ok,
          comment: `$${usd.toFixed(6)} ${ok ? "<=" : ">"} $${options.maxUsd} → ${ok ? "pass" : "fail"}`,
          detail: { usd, maxUsd: options.maxUsd },
        });
      }
      return feedback;
    },
    { key, direction: "lower" },
  );
}
