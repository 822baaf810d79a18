import type { Agent } from "@ag2/eval-core";
import { TracerRouter } from "@ag2/eval-telemetry";
import { OpenAIAgentsInstrumentation } from "@arizeai/openinference-instrumentation-openai-agents";
import * as agents from "@openai/agents";

/** Any Agents SDK agent, whatever its context and output types (as `run()` takes it). */
export type SdkAgent = Parameters<typeof agents.run>[0];

/** Options of {@link openAIAgentsAgent}. */
export interface OpenAIAgentsAgentOptions {
  /** The name `runAgent` records; default the agent's own. */
  readonly name?: string | undefined;
  /** Runs the agent (its model provider, guardrails, tracing switches); default `run()`. */
  readonly runner?: agents.Runner | undefined;
  /** Most model turns per task (the SDK's `maxTurns`); default the SDK's. */
  readonly maxTurns?: number | undefined;
}

// The SDK's trace processors are process-global, so one OpenInference processor serves every
// task; the router sends each span to the task whose run started it.
let router: TracerRouter | undefined;

function instrumentedRouter(): TracerRouter {
  if (router) return router;
  router = new TracerRouter();
  // exclusive: the SDK's default exporter would post every eval task to OpenAI's tracing API
  new OpenAIAgentsInstrumentation({ tracerProvider: router }).manuallyInstrument(agents);
  return router;
}

/** The final output as the answer text: a string as it is, structured output as JSON. */
function answerText(output: unknown): string {
  if (typeof output === "string") return output;
  return output === undefined ? "" : JSON.stringify(output);
}

/**
 * An OpenAI Agents SDK agent as an ag2-eval {@link Agent}: each task runs it with the SDK's
 * tracing sent through OpenInference's processor to the task's tracer, so `runAgent` grades
 * its model calls (with usage), tool calls, handoffs and guardrail trips from the trace. The
 * first call replaces the SDK's trace processors with that processor (the SDK's default one
 * would export every task to OpenAI). An error the run throws (a guardrail tripwire, too many
 * turns) is the task's error, with its class name.
 *
 * @example
 * ```ts
 * import { Agent as OpenAIAgent } from "@openai/agents";
 * const weather = new OpenAIAgent({ name: "weather", instructions: "Answer briefly.", tools });
 * await runAgent(suite, { agent: openAIAgentsAgent(weather), scorers, tracing: otelTracing() });
 * ```
 */
export function openAIAgentsAgent(agent: SdkAgent, options: OpenAIAgentsAgentOptions = {}): Agent {
  const routed = instrumentedRouter();
  return {
    name: options.name ?? agent.name,
    async ask(input, askOptions = {}) {
      const runOptions = {
        ...(askOptions.signal ? { signal: askOptions.signal } : {}),
        ...(options.maxTurns === undefined ? {} : { maxTurns: options.maxTurns }),
      };
      const result = await routed.run(askOptions.tracer, () =>
        options.runner
          ? options.runner.run(agent, input, runOptions)
          : agents.run(agent, input, runOptions),
      );
      return answerText(result.finalOutput);
    },
  };
}
