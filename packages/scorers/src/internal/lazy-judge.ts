import { Agent, type AgentOptions } from "@ag2/eval-agent";
import type { z } from "zod";

type Schemas = typeof import("../schemas.js");

// One load for every judge: the module (and zod behind it) is fetched on the first verdict
// anyone asks for, never at import.
let schemas: Promise<Schemas> | undefined;

/** A judge agent whose response schema is loaded on its first `verdict`. */
export interface LazyJudge<Value> {
  /** The validated structured answer to `prompt`; null when the judge answered nothing. */
  verdict(prompt: string): Promise<Value | null>;
}

/**
 * Builds a judge agent whose `responseSchema` comes from the schemas module on first use.
 * The options are checked now, by an agent built without the schema, so bad options (e.g.
 * `retries: -1`) still throw from the judge's factory rather than from its first score.
 */
export function lazyJudge<Value>(
  options: Omit<AgentOptions<Value>, "responseSchema">,
  pick: (loaded: Schemas) => z.ZodType<Value>,
): LazyJudge<Value> {
  new Agent(options);
  let agent: Promise<Agent<Value>> | undefined;
  return {
    async verdict(prompt) {
      schemas ??= import("../schemas.js");
      agent ??= schemas.then(
        (loaded) => new Agent<Value>({ ...options, responseSchema: pick(loaded) }),
      );
      return (await (await agent).ask(prompt)).value;
    },
  };
}
