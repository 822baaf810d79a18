import type { ToolCall } from "@ag2/eval-core";
import type { ToolExecutionResult } from "@ag2/eval-core/internal";
import { toErrorInfo } from "@ag2/eval-core/internal";
import type { Tool, ToolContext } from "./tool.js";
import { UnknownToolError } from "./tool-errors.js";

/**
 * Runs the tool the model asked for. Every failure (unknown tool, bad arguments, a throwing
 * tool) becomes a `ToolErrorEvent`: the model hears about it and the loop goes on.
 *
 * @example
 * ```ts
 * const outcome = await executeTool(call, [getWeather], { askHuman });
 * if (outcome.type === "ToolErrorEvent") console.error(outcome.error.message);
 * ```
 */
export async function executeTool(
  call: ToolCall,
  tools: readonly Tool[],
  context: ToolContext,
): Promise<ToolExecutionResult> {
  try {
    const found = tools.find((candidate) => candidate.name === call.name);
    if (!found)
      throw new UnknownToolError(
        call.name,
        tools.map((candidate) => candidate.name),
      );
    const result = await found.run(call.arguments, context);
    return {
      type: "ToolResultEvent",
      parentId: call.id,
      name: call.name,
      result,
      createdAt: Date.now(),
    };
  } catch (error) {
    return {
      type: "ToolErrorEvent",
      parentId: call.id,
      name: call.name,
      error: toErrorInfo(error),
      createdAt: Date.now(),
    };
  }
}

/** The text the model reads for a tool's outcome. */
export function toolOutcomeText(outcome: ToolExecutionResult): string {
  return outcome.type === "ToolResultEvent"
    ? outcome.result
    : `Error: ${outcome.error.type}: ${outcome.error.message}`;
}
