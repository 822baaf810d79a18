import type { Agent, AgentFactory } from "../agent/agent.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { slug } from "../util/slug.js";

/** What {@link Variants} accepts: a plain object, a `Map` or `[name, agent]` pairs, in order. */
export type VariantAgents =
  | Readonly<Record<string, Agent | AgentFactory>>
  | Iterable<readonly [string, Agent | AgentFactory]>;

/**
 * The agents a sweep compares, by name, in order, along one axis (model, prompt, …). Names
 * must differ after {@link slug}, since each variant's run is saved as `<runId>-<slug>`.
 *
 * @example
 * ```ts
 * const variants = new Variants({ "gpt-4o": agentA, mini: agentB }, { axis: "model" });
 * const sweep = await runVariants(suite, { variants, scorers, tracing, store: null });
 * ```
 */
export class Variants implements Iterable<readonly [string, Agent | AgentFactory]> {
  readonly axis: string;
  readonly #agents: ReadonlyMap<string, Agent | AgentFactory>;

  constructor(agents: VariantAgents, options: { axis?: string } = {}) {
    this.axis = options.axis ?? "variant";
    const entries: [string, Agent | AgentFactory][] =
      Symbol.iterator in agents
        ? [...(agents as Iterable<readonly [string, Agent | AgentFactory]>)].map(([n, a]) => [n, a])
        : Object.entries(agents as Readonly<Record<string, Agent | AgentFactory>>);
    const slugs = new Map<string, string>();
    for (const [name, agent] of entries) {
      const isAgent =
        typeof agent === "function" || typeof (agent as Agent | null)?.ask === "function";
      if (typeof name !== "string" || name === "" || !isAgent) {
        throw new InvalidOptionError(
          "variants",
          `Variants: each entry must be a non-empty name and an Agent or factory; got name ${JSON.stringify(name)} with ${agent === null ? "null" : typeof agent}`,
        );
      }
      const suffix = slug(name);
      const other = slugs.get(suffix);
      if (other !== undefined) {
        throw new InvalidOptionError(
          "variants",
          `Variants: names '${other}' and '${name}' both become run-id suffix '${suffix}'; rename one`,
        );
      }
      slugs.set(suffix, name);
    }
    this.#agents = new Map(entries);
  }

  /** The variant names, in order. */
  get names(): readonly string[] {
    return [...this.#agents.keys()];
  }

  get size(): number {
    return this.#agents.size;
  }

  get(name: string): Agent | AgentFactory | undefined {
    return this.#agents.get(name);
  }

  [Symbol.iterator](): Iterator<readonly [string, Agent | AgentFactory]> {
    return this.#agents.entries();
  }
}
