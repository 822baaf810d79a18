import type { AgentModelConfig } from "@ag2/eval-agent";
import {
  type Middleware,
  type Scorer,
  type ScorerContext,
  scorer,
  type Trace,
} from "@ag2/eval-core";
import { attributionSystemPrompt, attributionUserPrompt } from "./internal/judge-prompts.js";
import { lazyJudge } from "./internal/lazy-judge.js";

/**
 * The failure modes {@link failureAttribution} labels runs with (the reference's taxonomy).
 *
 * @example
 * ```ts
 * const modes = ERROR_MODES.filter((mode) => mode !== "other");
 * ```
 */
export const ERROR_MODES = Object.freeze([
  "none",
  "tool_failure",
  "hallucinated_tool",
  "loop",
  "crash",
  "no_answer",
  "incorrect_answer",
  "premature_termination",
  "ignored_constraint",
  "hallucinated_fact",
  "other",
] as const);

/** Options of {@link failureAttribution}. */
export interface FailureAttributionOptions {
  /** Default `failure`. */
  readonly key?: string;
  /** Recorded as `detail.responsible_agent`. */
  readonly agentName?: string | null;
  /** The modes the attributor may choose; an answer outside them becomes `other`. */
  readonly taxonomy?: readonly string[];
  readonly retries?: number;
  readonly middleware?: readonly Middleware[];
}

function attribution(
  key: string,
  failed: boolean,
  mode: string,
  step: number | null,
  reasoning: string,
  agent: string | null,
  extra: Record<string, unknown> = {},
) {
  return {
    key,
    value: mode,
    comment: reasoning,
    detail: {
      failed,
      error_mode: mode,
      decisive_step: step,
      responsible_agent: agent,
      reasoning,
      ...extra,
    },
  };
}

function mechanical(trace: Trace): { mode: string; step: number | null; reasoning: string } | null {
  const events = trace.events;
  if (trace.exception) {
    const step = events.length > 0 ? events.length - 1 : null;
    return {
      mode: "crash",
      step,
      reasoning: `run raised ${trace.exception.type}: ${trace.exception.message}`,
    };
  }
  const answered = events.some((event) => event.type === "ModelResponse" && Boolean(event.content));
  if (answered) return null;
  const firstError = events.findIndex((event) => event.type === "ToolErrorEvent");
  const errored = events[firstError];
  if (errored?.type === "ToolErrorEvent") {
    return {
      mode: "tool_failure",
      step: firstError,
      reasoning: `tool '${errored.name}' errored and the run produced no answer`,
    };
  }
  return { mode: "no_answer", step: null, reasoning: "run produced no final answer" };
}

/**
 * Labels why a run failed, as a categorical feedback (`value` = the error mode; `comment` the
 * reasoning; `detail` = `{ failed, error_mode, decisive_step, responsible_agent, reasoning }`).
 * Mechanical checks come first: an exception → `crash` (step = the last event); a tool error
 * with no answer → `tool_failure` (step = the first tool error); no answer → `no_answer`.
 * Otherwise, without a config the label is `none`; with a config an LLM attributor
 * (`attributor_<key>`) decides, answering `Attribution` (in `@ag2/eval-scorers/schemas`, loaded
 * on its first question). Unlike the reference, an error mode outside the taxonomy is
 * recorded as `other`, with the model's answer in `detail.raw_error_mode`.
 *
 * Use when triaging a failing suite: value counts show where runs break (tools, loops, facts).
 * Avoid when you need a pass/fail gate; pair it with {@link finalAnswerMatches} or
 * {@link agentJudge} and use it to explain their failures.
 *
 * @example
 * ```ts
 * const scorers = [failureAttribution(), failureAttribution(judgeConfig, { key: "why", agentName: "planner" })];
 * ```
 */
export function failureAttribution(
  config?: AgentModelConfig | null,
  options: FailureAttributionOptions = {},
): Scorer {
  const key = options.key ?? "failure";
  const agent = options.agentName ?? null;
  const taxonomy = options.taxonomy ?? ERROR_MODES;
  const attributor = config
    ? lazyJudge(
        {
          name: `attributor_${key}`,
          instructions: attributionSystemPrompt(taxonomy),
          config,
          retries: options.retries ?? 1,
          middleware: options.middleware,
        },
        (schemas) => schemas.Attribution,
      )
    : null;
  return scorer(
    async ({ inputs, outputs, referenceOutputs, trace }: ScorerContext) => {
      const found = mechanical(trace);
      if (found) return attribution(key, true, found.mode, found.step, found.reasoning, agent);
      if (!attributor)
        return attribution(key, false, "none", null, "no mechanical failure detected", agent);
      const prompt = attributionUserPrompt({
        input: inputs.input,
        reference: referenceOutputs,
        body: outputs.body,
        trace,
      });
      const verdict = await attributor.verdict(prompt);
      if (verdict === null) {
        return attribution(key, false, "other", null, "attributor returned no verdict", agent);
      }
      const step = verdict.decisive_step < 0 ? null : verdict.decisive_step;
      if (taxonomy.includes(verdict.error_mode)) {
        return attribution(key, verdict.failed, verdict.error_mode, step, verdict.reasoning, agent);
      }
      return attribution(key, verdict.failed, "other", step, verdict.reasoning, agent, {
        raw_error_mode: verdict.error_mode,
      });
    },
    { key },
  );
}
