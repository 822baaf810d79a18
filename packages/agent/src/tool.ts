import type { ToolDefinition } from "@ag2/eval-core/internal";
import type { z } from "zod";
import { formatIssues } from "./format-issues.js";
import { jsonSchemaOf } from "./json-schema-of.js";
import { ToolArgumentsError } from "./tool-errors.js";

/**
 * What a tool's `execute` receives besides its arguments.
 *
 * @example
 * ```ts
 * const confirm = tool({
 *   name: "confirm",
 *   parameters: z.object({ question: z.string() }),
 *   execute: ({ question }, context: ToolContext) => context.askHuman(question),
 * });
 * ```
 */
export interface ToolContext {
  /** Aborted when the agent's call is cancelled; pass it on to slow work. */
  readonly signal?: AbortSignal | undefined;
  /** Asks a person through the agent's `humanInput` handler (and `onHumanInput` middleware). */
  askHuman(prompt: string): Promise<string>;
}

/**
 * The options of {@link tool}.
 *
 * @example
 * ```ts
 * const options: ToolOptions<z.ZodObject<{ n: z.ZodNumber }>> = {
 *   name: "double",
 *   parameters: z.object({ n: z.number() }),
 *   execute: ({ n }) => n * 2,
 * };
 * ```
 */
export interface ToolOptions<Parameters extends z.ZodType> {
  readonly name: string;
  readonly description?: string | undefined;
  /** A zod schema of the arguments; the model sees its JSON Schema. */
  readonly parameters: Parameters;
  /** Runs the tool. A string is sent to the model as is; other values as JSON. */
  execute(args: z.output<Parameters>, context: ToolContext): unknown;
}

/**
 * A tool an agent can offer to its model. Build one with {@link tool}.
 *
 * @example
 * ```ts
 * const tools: Tool[] = [getWeather];
 * new Agent({ name: "weather", tools, config });
 * ```
 */
export interface Tool {
  readonly name: string;
  /** What the model sees: name, description, JSON Schema of the parameters. */
  readonly definition: ToolDefinition;
  /**
   * Parses the model's raw JSON arguments, validates them and runs the tool.
   * Rejects with {@link ToolArgumentsError} on bad arguments, or with whatever `execute` threw.
   */
  run(rawArguments: string, context: ToolContext): Promise<string>;
}

/**
 * Declares a tool: its arguments are validated with the zod schema before `execute` runs.
 *
 * @example
 * ```ts
 * const getWeather = tool({
 *   name: "get_weather",
 *   description: "Current weather in a city",
 *   parameters: z.object({ city: z.string() }),
 *   execute: ({ city }) => `${city}: sunny`,
 * });
 * ```
 */
export function tool<Parameters extends z.ZodType>(options: ToolOptions<Parameters>): Tool {
  const parameters = jsonSchemaOf(options.parameters);
  const definition: ToolDefinition = {
    name: options.name,
    description: options.description,
    parameters,
  };
  return {
    name: options.name,
    definition,
    async run(rawArguments, context) {
      let parsed: unknown;
      try {
        parsed = rawArguments.trim() === "" ? {} : JSON.parse(rawArguments);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ToolArgumentsError(options.name, [`arguments are not JSON (${reason})`]);
      }
      const result = options.parameters.safeParse(parsed);
      if (!result.success) throw new ToolArgumentsError(options.name, formatIssues(result.error));
      const value = await options.execute(result.data, context);
      if (typeof value === "string") return value;
      if (value === undefined) return "";
      return JSON.stringify(value);
    },
  };
}
