import type { AgentInterface as Agent, AgentFactory, ModelConfig, Task } from "@ag2/eval";
import type { FlagValues } from "../args/parse-command-args.js";
import { UsageError } from "../args/usage-error.js";
import type { Settings } from "./settings.js";

/** The forms an agent setting takes, for the hint of every refusal. */
const FORMS =
  'an agent is an Agent (an object with ask()) or a factory ({ config, task }) => Agent; for a function of the input, export { name: "my-agent", ask: yourFunction }';

type ModelConfigSetting = ModelConfig | Readonly<Record<string, ModelConfig>> | undefined;

/** The config the task would get: a plain object or Map is a map by task id, else a config. */
function configFor(modelConfig: ModelConfigSetting, task: Task): ModelConfig | undefined {
  if (modelConfig instanceof Map) return modelConfig.get(task.taskId);
  if (modelConfig === undefined || Object.getPrototypeOf(modelConfig) !== Object.prototype) {
    return modelConfig;
  }
  return (modelConfig as Readonly<Record<string, ModelConfig>>)[task.taskId];
}

function kind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object without ask()" : `a ${typeof value}`;
}

/**
 * Refuses, before any task runs, an agent function that is not a factory. A function is
 * called per task with `{ config, task }` and must build an Agent; a function of the input
 * (`export default async function (input) {…}`) looks the same until then, and would fail
 * every task. So a function is called once here with the first task's context: one that
 * returns no Agent, or throws, is a usage error naming the setting and the accepted forms.
 *
 * @example
 * ```ts
 * await checkAgentForm({ agent, origin: "--agent ./agent.ts", task: suite.tasks[0], modelConfig });
 * ```
 */
export async function checkAgentForm(options: {
  agent: Agent | AgentFactory;
  /** Names the setting: `--agent ./agent.mjs`, `--a ./old.ts`, or the config's field. */
  origin: string;
  task: Task | undefined;
  modelConfig?: ModelConfigSetting;
  fetch?: typeof fetch | undefined;
}): Promise<void> {
  const { agent, origin, task } = options;
  if (typeof agent !== "function" || task === undefined) return;
  const what = `${origin} is a function${agent.name ? ` (${agent.name})` : ""}`;
  let product: unknown;
  try {
    product = await agent({
      config: configFor(options.modelConfig, task),
      task,
      ...(options.fetch && { fetch: options.fetch }),
    });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new UsageError(
      `${what} that threw when called as an agent factory with the first task's context ({ config, task }): ${reason.split("\n")[0]}`,
      { hint: FORMS, cause: error },
    );
  }
  if (typeof (product as Partial<Agent> | null)?.ask === "function") return;
  throw new UsageError(
    `${what} but not an agent factory: called with the first task's context ({ config, task }) it returned ${kind(product)}, not an Agent; no task was run`,
    { hint: FORMS },
  );
}

/**
 * How errors name `run`'s agent setting: the flag with its value, or the config file's field.
 *
 * @example
 * ```ts
 * agentSettingName({ agent: "./agent.ts" }, settings); // "--agent ./agent.ts"
 * ```
 */
export function agentSettingName(values: FlagValues, settings: Settings): string {
  return typeof values.agent === "string"
    ? `--agent ${values.agent}`
    : `${settings.configPath ?? "config"}: agent`;
}
