import type { Agent } from "@ag2/eval-core";
import { langChainAgent } from "./lang-chain-agent.js";

/** A message of a LangGraph `messages` state, as far as the answer needs it. */
export interface GraphMessage {
  readonly content: unknown;
}

/** A compiled LangGraph graph over a `messages` state (`createReactAgent`'s, for one). */
export interface MessagesGraph {
  readonly name?: string | undefined;
  invoke(
    input: { messages: { role: string; content: string }[] },
    config?: { signal?: AbortSignal | undefined },
  ): Promise<{ readonly messages: readonly GraphMessage[] }>;
}

/** The text of a message's content: a string as it is, text parts joined. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return content === undefined ? "" : JSON.stringify(content);
  return content
    .map((part: { type?: unknown; text?: unknown }) =>
      part?.type === "text" && typeof part.text === "string" ? part.text : "",
    )
    .join("");
}

/**
 * A LangGraph agent over a `messages` state as an ag2-eval {@link Agent}: each task's input
 * is sent as one user message and the last message's text is the answer. Traced through
 * OpenInference's LangChain instrumentation (see {@link langChainAgent}).
 *
 * @example
 * ```ts
 * const graph = createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4o-mini" }), tools });
 * await runAgent(suite, { agent: langGraphAgent(graph), scorers, tracing: otelTracing() });
 * ```
 */
export function langGraphAgent(graph: MessagesGraph, options: { name?: string } = {}): Agent {
  return langChainAgent({
    name: options.name ?? graph.name ?? "langgraph",
    async run(input, { signal }) {
      const state = await graph.invoke(
        { messages: [{ role: "user", content: input }] },
        { signal },
      );
      return contentText(state.messages.at(-1)?.content);
    },
  });
}
