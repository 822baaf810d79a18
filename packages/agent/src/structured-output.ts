import type { z } from "zod";
import { formatIssues } from "./format-issues.js";

/**
 * The outcome of checking a final answer against a response schema.
 *
 * @example
 * ```ts
 * const outcome: StructuredOutput = parseStructured(text, schema);
 * if (!outcome.ok) console.error(outcome.issues);
 * ```
 */
export type StructuredOutput =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly string[] };

// Models often wrap JSON in a Markdown code fence even when told not to.
const FENCED = /^```[a-zA-Z]*\s*\n([\s\S]*?)\n?```$/;

/**
 * Parses a final answer as JSON and validates it with `schema`. An empty answer is "no
 * verdict": `value` null, no issues.
 *
 * @example
 * ```ts
 * parseStructured('{"score": 1}', z.object({ score: z.number() })); // { ok: true, value: { score: 1 } }
 * ```
 */
export function parseStructured(content: string | null, schema: z.ZodType): StructuredOutput {
  const text = (content ?? "").trim();
  if (text === "") return { ok: true, value: null };
  const unfenced = FENCED.exec(text)?.[1] ?? text;
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [`reply is not valid JSON (${reason})`] };
  }
  const result = schema.safeParse(json);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: formatIssues(result.error) };
}
