import type { AgentModelConfig } from "@ag2/eval-agent";
import type {
  Middleware,
  PairwiseComparator,
  PairwiseOutcome,
  PairwiseWinner,
  Trace,
} from "@ag2/eval-core";
import { pairwiseSystemPrompt, pairwiseUserPrompt } from "./internal/judge-prompts.js";
import { lazyJudge } from "./internal/lazy-judge.js";
import { finalText } from "./internal/trace-text.js";

/** Options of {@link pairwiseJudge}. */
export interface PairwiseJudgeOptions {
  readonly criterion: string;
  readonly key: string;
  /** Show the judge each response's tool calls. Default false. */
  readonly includeTrace?: boolean;
  /** Show the judge the reference outputs (when non-empty). Default true. */
  readonly includeReference?: boolean;
  /** Re-asks after an answer that fails the verdict schema. Default 1. */
  readonly retries?: number;
  /** Ask twice, A first then B first; only a consistent preference wins. Default true. */
  readonly swap?: boolean;
  readonly middleware?: readonly Middleware[];
}

type Preference = "first" | "second" | "tie";

/** The variant the judge preferred, given which one it was shown first. */
function winnerOf(preferred: Preference, shownFirst: "a" | "b"): PairwiseWinner {
  if (preferred === "tie") return "tie";
  const shownSecond = shownFirst === "a" ? "b" : "a";
  return preferred === "first" ? shownFirst : shownSecond;
}

/**
 * An LLM comparator: shows a judge agent (`pairwise_judge_<key>`) two responses and asks which
 * is better on one criterion (answering `PairwiseVerdict` from `@ag2/eval-scorers/schemas`,
 * loaded on the first comparison). With `swap` (default) it asks twice with the order reversed and
 * declares a winner only if both orders agree; otherwise it is a tie, which cancels the judge's
 * position bias. `detail` records `order1` (and `order2`) as the judge answered; the reasoning
 * is the first call's. An empty answer counts as a tie (`judge returned no verdict`).
 *
 * Use when absolute scores are noisy and you want "is B better than A?" (prompt or model changes).
 * Avoid when you need a per-run score to track over time; use {@link agentJudge}.
 *
 * @example
 * ```ts
 * const result = await runPairwise(suite, {
 *   variantA, variantB, comparators: [pairwiseJudge(config, { criterion: "more helpful", key: "helpful" })],
 * });
 * ```
 */
export function pairwiseJudge(
  config: AgentModelConfig,
  options: PairwiseJudgeOptions,
): PairwiseComparator {
  const { criterion, key } = options;
  const swap = options.swap ?? true;
  const judge = lazyJudge(
    {
      name: `pairwise_judge_${key}`,
      instructions: pairwiseSystemPrompt(criterion),
      config,
      retries: options.retries ?? 1,
      middleware: options.middleware,
    },
    (schemas) => schemas.PairwiseVerdict,
  );
  const side = (trace: Trace) => ({ text: finalText(trace) ?? "(no answer)", trace });
  return {
    key,
    async compare({ task, traceA, traceB, referenceOutputs }): Promise<PairwiseOutcome> {
      const ask = async (first: Trace, second: Trace) => {
        const prompt = pairwiseUserPrompt({
          input: task.inputs.input,
          reference: referenceOutputs,
          first: side(first),
          second: side(second),
          includeTrace: options.includeTrace ?? false,
          includeReference: options.includeReference ?? true,
        });
        const verdict = await judge.verdict(prompt);
        return {
          preferred: (verdict?.preferred ?? "tie") as Preference,
          reasoning: verdict ? verdict.reasoning : "judge returned no verdict",
        };
      };
      const one = await ask(traceA, traceB);
      const w1 = winnerOf(one.preferred, "a");
      if (!swap) return { winner: w1, reasoning: one.reasoning, detail: { order1: one.preferred } };
      const two = await ask(traceB, traceA);
      const w2 = winnerOf(two.preferred, "b");
      const winner = w1 === w2 && w1 !== "tie" ? w1 : "tie";
      return {
        winner,
        reasoning: one.reasoning,
        detail: { order1: one.preferred, order2: two.preferred },
      };
    },
  };
}
