import type { AgentInterface as Agent, AgentFactory } from "@ag2/eval";

/**
 * Wraps an agent (or the agents a factory builds) to report every `ask` that rejects, so the
 * live progress line can count errors while the run goes on; the lifecycle events do not
 * carry them. The rejection itself is passed on untouched.
 *
 * @example
 * ```ts
 * const agent = countingAgent(loaded, () => progress.handle({ type: "TaskErrored" }));
 * ```
 */
export function countingAgent(
  agent: Agent | AgentFactory,
  onError: () => void,
): Agent | AgentFactory {
  const wrap = (inner: Agent): Agent => ({
    name: inner.name,
    ask: async (input, options) => {
      try {
        return await inner.ask(input, options);
      } catch (error) {
        onError();
        throw error;
      }
    },
  });
  if (typeof agent === "function") return async (context) => wrap(await agent(context));
  return wrap(agent);
}
