import type { AgentModelConfig } from "@ag2/eval-agent";
import { type Middleware, type Scorer, scorer } from "@ag2/eval-core";
import { judgeSystemPrompt, judgeUserPrompt, pythonFloat } from "./internal/judge-prompts.js";
import { lazyJudge } from "./internal/lazy-judge.js";
import { ScorerOptionsError } from "./scorer-options-error.js";
import { threshold as thresholdOf } from "./threshold.js";

/** Options of {@link agentJudge}. */
export interface AgentJudgeOptions {
  /** What to grade, in one sentence ("The answer cites a source"). */
  readonly criterion: string;
  readonly key: string;
  /** `[low, high]`; the judge's score is clamped into it. Default `[0, 1]`. */
  readonly scale?: readonly [number, number];
  /** Show the judge the tool calls and results. Default false. */
  readonly includeTrace?: boolean;
  /** Show the judge the task's reference outputs (when non-empty). Default true. */
  readonly includeReference?: boolean;
  /** Re-asks after an answer that fails the verdict schema. Default 1. */
  readonly retries?: number;
  /** Runs around the judge's own model calls (e.g. to record prompts or cost). */
  readonly middleware?: readonly Middleware[];
  /** When set, returns `threshold(judge, { atLeast: threshold })`: pass/fail instead of a number. */
  readonly threshold?: number;
}

/**
 * An LLM judge for one criterion: asks a judge agent (`judge_<key>`, the reference's prompts)
 * for `{ score, reasoning }` (`Verdict` in `@ag2/eval-scorers/schemas`, loaded on the first
 * score) and returns a numeric feedback whose comment is the reasoning. A
 * score outside the scale is clamped, and the comment says so
 * (` [score clamped from 1.5 to scale 0.0-1.0]`). An empty answer gives score null with
 * `judge returned no verdict`; an answer still invalid after the retries gives score null with
 * `scorer raised: ResponseValidationError: …`. Neither fails the run.
 *
 * Use when quality is a judgement (helpfulness, tone, faithfulness) with no single right answer.
 * Avoid when a deterministic check exists ({@link finalAnswerMatches}, {@link jsonSchema},
 * {@link contains}): it is cheaper, faster and never drifts. To compare two variants directly,
 * use {@link pairwiseJudge}.
 *
 * @example
 * ```ts
 * const config = new OpenAICompatibleConfig({ baseURL: "https://api.openai.com/v1", apiKey, model: "gpt-4o-mini" });
 * const helpful = agentJudge(config, { criterion: "The answer is helpful and correct", key: "helpful", threshold: 0.7 });
 * ```
 */
export function agentJudge(config: AgentModelConfig, options: AgentJudgeOptions): Scorer {
  const { criterion, key } = options;
  const [low, high] = options.scale ?? [0, 1];
  if (!(low < high)) {
    throw new ScorerOptionsError(`agentJudge(): scale got [${low}, ${high}], expected low < high`);
  }
  const includeTrace = options.includeTrace ?? false;
  const includeReference = options.includeReference ?? true;
  // One judge agent per factory call, shared by every task (it holds no per-task state).
  const judge = lazyJudge(
    {
      name: `judge_${key}`,
      instructions: judgeSystemPrompt(criterion, low, high),
      config,
      retries: options.retries ?? 1,
      middleware: options.middleware,
    },
    (schemas) => schemas.Verdict,
  );
  const graded = scorer(
    async ({ inputs, outputs, referenceOutputs, trace }) => {
      const prompt = judgeUserPrompt({
        input: inputs.input,
        body: outputs.body,
        reference: referenceOutputs,
        trace,
        includeTrace,
        includeReference,
      });
      const verdict = await judge.verdict(prompt);
      if (verdict === null) return { key, score: null, comment: "judge returned no verdict" };
      const score = Math.min(Math.max(verdict.score, low), high);
      const note =
        score === verdict.score
          ? ""
          : ` [score clamped from ${pythonFloat(verdict.score)} to scale ${pythonFloat(low)}-${pythonFloat(high)}]`;
      return { key, score, comment: `${verdict.reasoning}${note}` };
    },
    { key },
  );
  return options.threshold === undefined
    ? graded
    : thresholdOf(graded, { atLeast: options.threshold });
}
