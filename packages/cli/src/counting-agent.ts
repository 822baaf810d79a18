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
  // The wrapper inherits from the agent (and a factory keeps its name) so that the run's
  // `target` still names the user's agent class or factory, not this wrapper.
  const wrap = (inner: Agent): Agent => {
    const wrapped = Object.create(inner) as Agent & { ask: Agent["ask"] };
    wrapped.ask = async (input, options) => {
      try {
        return await inner.ask(input, options);
      } catch (error) {
        onError();
        throw error;
      }
    };
    return wrapped;
  };
  if (typeof agent !== "function") return wrap(agent);
  const factory: AgentFactory = async (context) => wrap(await agent(context));
  Object.defineProperty(factory, "name", { value: agent.name });
  return factory;
}
