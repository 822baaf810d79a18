import { Ag2EvalError } from "@ag2/eval-core";

/**
 * The model called a tool the agent does not have. Reported back to the model as a tool
 * message (and recorded as a `ToolErrorEvent`), so the model can correct itself.
 *
 * @example
 * ```ts
 * if (event.type === "ToolErrorEvent" && event.error.type === "UnknownToolError") retry();
 * ```
 */
export class UnknownToolError extends Ag2EvalError {
  static override readonly errorName: string = "UnknownToolError";
  constructor(
    readonly toolName: string,
    readonly available: readonly string[],
  ) {
    super(`unknown tool: got "${toolName}", expected one of [${available.join(", ")}]`);
  }
}

/**
 * The model called a tool with arguments that are not JSON or do not match its parameters.
 * Reported back to the model as a tool message, like every tool failure.
 *
 * @example
 * ```ts
 * if (event.type === "ToolErrorEvent" && event.error.type === "ToolArgumentsError") count++;
 * ```
 */
export class ToolArgumentsError extends Ag2EvalError {
  static override readonly errorName: string = "ToolArgumentsError";
  constructor(
    readonly toolName: string,
    readonly issues: readonly string[],
  ) {
    super(`invalid arguments for tool "${toolName}": ${issues.join("; ")}`);
  }
}
