import type { Agent } from "@ag2/eval-core";
import { langChainRouter } from "./langchain-router.js";

/** Options of {@link langChainAgent}. */
export interface LangChainAgentOptions {
  /** The name `runAgent` records. */
  readonly name: string;
  /** Runs the chain, graph or model on one task's input and returns the answer. */
  run(input: string, options: { readonly signal?: AbortSignal | undefined }): Promise<unknown>;
}

/**
 * Any LangChain.js code (a chain, a graph, an agent executor) as an ag2-eval {@link Agent}:
 * OpenInference's LangChain instrumentation is installed on first use and each task's runs
 * are traced to that task's tracer, so `runAgent` grades model calls, tool calls and the
 * answer through the OpenInference convention. For a LangGraph agent over a `messages`
 * state, {@link langGraphAgent} is shorter.
 *
 * @example
 * ```ts
 * const agent = langChainAgent({
 *   name: "summarizer",
 *   run: async (input, { signal }) => (await chain.invoke({ text: input }, { signal })).content,
 * });
 * ```
 */
export function langChainAgent(options: LangChainAgentOptions): Agent {
  const router = langChainRouter();
  return {
    name: options.name,
    ask: (input, askOptions = {}) =>
      router.run(askOptions.tracer, () => options.run(input, { signal: askOptions.signal })),
  };
}
