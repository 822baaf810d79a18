import { originalTaskId } from "../suite/expand-repeats.js";
import type { Task } from "../suite/task.js";
import type { ModelConfig } from "./agent.js";

/** A `modelConfig` option: one config for every task, or a map of task id → config. */
export type ModelConfigOption =
  | ModelConfig
  | Readonly<Record<string, ModelConfig>>
  | ReadonlyMap<string, ModelConfig>;

function isPlainObject(value: object): value is Record<string, ModelConfig> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The config for one task. A plain object or a `Map` is a per-task map, looked up by the
 * repeated id (`"t1#2"`) first, then the original id (`"t1"`); a missing id gives undefined
 * (the agent's own config). Any other object (a class instance) is the config of every task.
 *
 * @example
 * ```ts
 * resolveModelConfig({ t1: cheap }, task); // cheap for "t1", "t1#1", "t1#2"…
 * ```
 */
export function resolveModelConfig(
  modelConfig: ModelConfigOption | null | undefined,
  task: Task,
): ModelConfig | undefined {
  if (modelConfig === null || modelConfig === undefined) return undefined;
  const original = originalTaskId(task);
  if (modelConfig instanceof Map) {
    return modelConfig.get(task.taskId) ?? modelConfig.get(original);
  }
  if (isPlainObject(modelConfig)) {
    if (Object.hasOwn(modelConfig, task.taskId)) return modelConfig[task.taskId];
    return Object.hasOwn(modelConfig, original) ? modelConfig[original] : undefined;
  }
  return modelConfig;
}
