import { Agent, type AgentFactory, type AgentModelConfig } from "@ag2/eval";
import { calculate } from "./calculate.js";
import { scriptedModel } from "./scripted-model.js";

/**
 * What `ag2-eval run` calls for each task: the run's model config when one is given (a real
 * endpoint in `ag2-eval.config.ts`), else the scripted offline model, new for each task.
 *
 * @example
 * ```ts
 * // ag2-eval run arithmetic.jsonl --agent ./src/agent.ts#calculatorAgent --shard 1/4
 * ```
 */
export const calculatorAgent: AgentFactory = ({ config }) =>
  new Agent({
    name: "calculator",
    instructions: "Answer arithmetic questions. Always use the calculate tool; never guess.",
    tools: [calculate],
    config: (config as AgentModelConfig | undefined) ?? scriptedModel(),
  });
