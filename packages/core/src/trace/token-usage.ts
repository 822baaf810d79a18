/**
 * Token totals of a trace. `total` is input + output; cache counts are reported beside it
 * and are not part of the total, as in the reference.
 *
 * @example
 * ```ts
 * const usage = tokenUsage({ input: 120, output: 30 }); // usage.total === 150
 * ```
 */
export interface TokenUsage {
  readonly input: number;
  readonly output: number;
  readonly cacheCreation: number;
  readonly cacheRead: number;
  readonly total: number;
}

/** Builds a {@link TokenUsage}; missing counts are zero and `total` is derived. */
export function tokenUsage(counts: Partial<Omit<TokenUsage, "total">> = {}): TokenUsage {
  const input = counts.input ?? 0;
  const output = counts.output ?? 0;
  return {
    input,
    output,
    cacheCreation: counts.cacheCreation ?? 0,
    cacheRead: counts.cacheRead ?? 0,
    total: input + output,
  };
}

/** Field-wise sum of token usages. */
export function addTokenUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return tokenUsage({
    input: a.input + b.input,
    output: a.output + b.output,
    cacheCreation: a.cacheCreation + b.cacheCreation,
    cacheRead: a.cacheRead + b.cacheRead,
  });
}
