import type { AgentInterface as Agent, AgentFactory, Scorer } from "@ag2/eval";
import { UsageError } from "../args/usage-error.js";
import { loadExport } from "./load-module.js";

/** A setting that may be a module spec (from a flag or the config) or a value (config only). */
export interface TargetSetting<T> {
  readonly value: T | string | undefined;
  /** The folder a relative module path is read from. */
  readonly baseDir: string;
  /** Names the setting in errors: `--agent`, or `config agent`. */
  readonly origin: string;
}

/**
 * The agent to run: an `Agent` (anything with `ask`) or a factory function, loaded from a
 * module spec when given as a string.
 *
 * @example
 * ```ts
 * const agent = await loadAgent({ value: "./agent.ts#weatherAgent", baseDir: cwd, origin: "--agent" });
 * ```
 */
export async function loadAgent(
  setting: TargetSetting<Agent | AgentFactory>,
): Promise<Agent | AgentFactory> {
  const { value, baseDir, origin } = setting;
  if (value === undefined) {
    throw new UsageError("no agent to run", {
      hint: "pass --agent <module>[#export] or set agent in ag2-eval.config.ts",
    });
  }
  const loaded =
    typeof value === "string"
      ? await loadExport({
          spec: value,
          baseDir,
          flag: origin,
          fallbacks: ["agent", "createAgent"],
        })
      : value;
  if (typeof loaded === "function") return loaded as AgentFactory;
  if (
    typeof loaded === "object" &&
    loaded !== null &&
    typeof (loaded as Agent).ask === "function"
  ) {
    return loaded as Agent;
  }
  throw new UsageError(
    `${origin}: got ${kind(loaded)}, expected an Agent (an object with ask()) or a factory function`,
    {
      hint: "export the agent itself, or a function ({ config, task }) => agent",
    },
  );
}

/**
 * The scorers: a list (or any iterable) of scorers, or one scorer, loaded from a module spec
 * when given as a string. No setting means no scorers.
 *
 * @example
 * ```ts
 * const scorers = await loadScorers({ value: "./scorers.ts", baseDir: cwd, origin: "--scorers" });
 * ```
 */
export async function loadScorers(setting: TargetSetting<Iterable<Scorer>>): Promise<Scorer[]> {
  const { value, baseDir, origin } = setting;
  if (value === undefined) return [];
  const loaded =
    typeof value === "string"
      ? await loadExport({ spec: value, baseDir, flag: origin, fallbacks: ["scorers"] })
      : value;
  const list: unknown[] =
    typeof loaded === "object" && loaded !== null && Symbol.iterator in loaded
      ? [...(loaded as Iterable<unknown>)]
      : [loaded];
  list.forEach((item, index) => {
    const candidate = item as Partial<Scorer> | null;
    if (!candidate || typeof candidate.key !== "string" || typeof candidate.score !== "function") {
      throw new UsageError(
        `${origin}: item ${index} is ${kind(item)}, expected a scorer ({ key, score(context) })`,
        {
          hint: "build scorers with scorer(fn, { key }) or take them from @ag2/eval-scorers",
        },
      );
    }
  });
  return list as Scorer[];
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
