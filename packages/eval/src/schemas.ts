/*
 * `@ag2/eval/schemas`: every zod schema of ag2-eval, on a subpath of its own because building
 * them loads zod (~95 ES modules, ~50 ms on Node 20), which the main entry must not pay for
 *. Mirrors `@ag2/eval-core/schema` and `@ag2/eval-scorers/schemas`.
 *
 * @example
 * ```ts
 * import { runFileSchema, Verdict } from "@ag2/eval/schemas";
 * runFileSchema.parse(JSON.parse(text));
 * Verdict.parse({ score: 0.8, reasoning: "cites a source" });
 * ```
 */
export type { RunFile, TaskResultFile } from "@ag2/eval-core/schema";
export { runFileSchema, taskResultFileSchema, traceEventSchema } from "@ag2/eval-core/schema";
export { Attribution, PairwiseVerdict, Verdict } from "@ag2/eval-scorers/schemas";
