// The judges' zod schemas, in their own entry point (`@ag2/eval-scorers/schemas`): building
// them needs zod (~95 modules, ~50 ms to load on Node 20), which the main entry must not pay
// for. The judges import this module on their first verdict.
import { z } from "zod";

/**
 * The structured answer {@link agentJudge} asks its judge for: a score on the scale and a short
 * rationale.
 *
 * @example
 * ```ts
 * import { Verdict } from "@ag2/eval-scorers/schemas";
 * Verdict.parse({ score: 0.8, reasoning: "cites a source" });
 * ```
 */
export const Verdict = z.object({ score: z.number(), reasoning: z.string() });

/**
 * What the LLM attributor of {@link failureAttribution} must answer (snake_case, as the
 * reference's schema).
 *
 * @example
 * ```ts
 * import { Attribution } from "@ag2/eval-scorers/schemas";
 * Attribution.parse({ failed: true, error_mode: "loop", decisive_step: 4, reasoning: "repeated search" });
 * ```
 */
export const Attribution = z.object({
  failed: z.boolean(),
  error_mode: z.string(),
  decisive_step: z.number().int(),
  reasoning: z.string(),
});

/**
 * The structured answer {@link pairwiseJudge} asks its judge for.
 *
 * @example
 * ```ts
 * import { PairwiseVerdict } from "@ag2/eval-scorers/schemas";
 * PairwiseVerdict.parse({ preferred: "first", reasoning: "more complete" });
 * ```
 */
export const PairwiseVerdict = z.object({
  preferred: z.enum(["first", "second", "tie"]),
  reasoning: z.string(),
});
