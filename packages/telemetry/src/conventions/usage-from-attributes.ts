import type { Usage } from "@ag2/eval-core";
import { type Attributes, numberAttr } from "../spans/span-data.js";

/** Where a convention finds each token count: the `Usage` key, then the attributes to try. */
export type UsageAliases = readonly (readonly [keyof Usage, readonly string[]])[];

/**
 * The token counts a span carries, only those present and in the table's order (the order
 * the run file lists them in); undefined when the span carries no count at all.
 */
export function usageFromAttributes(
  attributes: Attributes,
  aliases: UsageAliases,
): Usage | undefined {
  const usage: Record<string, number> = {};
  let present = false;
  for (const [key, keys] of aliases) {
    const value = numberAttr(attributes, keys);
    if (value === undefined) continue;
    usage[key] = value;
    present = true;
  }
  return present ? (usage as Usage) : undefined;
}
