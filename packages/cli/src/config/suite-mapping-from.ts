import type { SuiteMapping } from "@ag2/eval";
import { flagReader } from "../args/flag-values.js";
import type { FlagValues } from "../args/parse-command-args.js";
import { UsageError } from "../args/usage-error.js";
import type { Settings } from "./settings.js";

interface MutableMapping {
  taskId?: string;
  tags?: string;
  tagSeparator?: string;
  inputs?: Record<string, string>;
  referenceOutputs?: Record<string, string>;
  metadata?: Record<string, string>;
}

const MAP_EXPECTED =
  "<part>=<column>, part one of task_id, tags, inputs.<key>, reference_outputs.<key>, metadata.<key>";

/**
 * The suite mapping of a command: the config's `suiteMapping`, with each `--map
 * <part>=<column>` flag replacing that part; undefined when neither is given.
 *
 * @example
 * ```ts
 * // ag2-eval run qa.csv --map task_id=id --map inputs.input=question --map tags=labels
 * const mapping = suiteMappingFrom({ values, settings });
 * ```
 */
export function suiteMappingFrom(options: {
  values: FlagValues;
  settings: Settings;
}): SuiteMapping | undefined {
  const given = flagReader(options.values).list("map");
  const configured = options.settings.config.suiteMapping;
  if (given.length === 0) return configured;
  const base = configured ?? {};
  const { inputs, ...rest } = base;
  const mapping: MutableMapping = { ...rest };
  if (inputs !== undefined) {
    mapping.inputs = typeof inputs === "string" ? { input: inputs } : { ...inputs };
  }
  for (const entry of given) {
    const match = /^([a-z_]+)(?:\.([^=]+))?=(.+)$/.exec(entry);
    const [, part, key, column] = match ?? [];
    if (part === undefined || column === undefined) throw badMap(entry);
    if ((part === "task_id" || part === "tags") && key === undefined) {
      mapping[part === "task_id" ? "taskId" : "tags"] = column;
      continue;
    }
    const target = {
      inputs: "inputs",
      reference_outputs: "referenceOutputs",
      metadata: "metadata",
    }[part] as "inputs" | "referenceOutputs" | "metadata" | undefined;
    if (target === undefined || key === undefined) throw badMap(entry);
    mapping[target] = { ...mapping[target], [key]: column };
  }
  return mapping;
}

function badMap(entry: string): UsageError {
  return new UsageError(`--map: got "${entry}", expected ${MAP_EXPECTED}`, {
    hint: "e.g. --map inputs.input=question --map reference_outputs.answer=gold",
  });
}
