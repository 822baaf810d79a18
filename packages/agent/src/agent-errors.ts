import { Ag2EvalError } from "@ag2/eval-core";

/**
 * An agent was asked without a model config: neither the agent nor the call gave one.
 * Thrown before any middleware hook runs, so no span or trace event is produced.
 *
 * @example
 * ```ts
 * try { await new Agent({ name: "a" }).ask("hi"); }
 * catch (error) { if (MissingModelConfigError.isInstance(error)) console.error(error.message); }
 * ```
 */
export class MissingModelConfigError extends Ag2EvalError {
  static override readonly errorName: string = "MissingModelConfigError";
  constructor(readonly agentName: string) {
    super(
      `agent "${agentName}" has no model config: got none on the agent and none in ask({ config }); ` +
        "expected a config such as new TestConfig(...) or new OpenAICompatibleConfig({...})",
    );
  }
}

/**
 * The config given to an agent is not a model config (it has no `createClient()`).
 *
 * @example
 * ```ts
 * await agent.ask("hi", { config: { model: "gpt-4o" } }); // rejects with InvalidModelConfigError
 * ```
 */
export class InvalidModelConfigError extends Ag2EvalError {
  static override readonly errorName: string = "InvalidModelConfigError";
  constructor(agentName: string, got: unknown) {
    const shape =
      typeof got === "object" && got !== null
        ? `an object with keys [${Object.keys(got).join(", ")}]`
        : typeof got;
    super(
      `agent "${agentName}": config is ${shape}; expected a model config with provider, model and createClient()`,
    );
  }
}

/**
 * The model kept calling tools for more model calls than `maxSteps` allows in one turn.
 *
 * @example
 * ```ts
 * const agent = new Agent({ name: "a", config, maxSteps: 2 });
 * await agent.ask("loop").catch((e) => MaxStepsExceededError.isInstance(e)); // true if it loops
 * ```
 */
export class MaxStepsExceededError extends Ag2EvalError {
  static override readonly errorName: string = "MaxStepsExceededError";
  constructor(
    readonly agentName: string,
    readonly maxSteps: number,
  ) {
    super(
      `agent "${agentName}" exceeded maxSteps: got more than ${maxSteps} model calls in one turn; ` +
        "expected a final answer within the limit (raise maxSteps or check the tools)",
    );
  }
}

/**
 * The model's final answer did not match the agent's `responseSchema`, after every retry.
 * `issues` lists what was wrong with the last attempt, one line per problem.
 *
 * @example
 * ```ts
 * try { await judge.ask(prompt); }
 * catch (error) { if (ResponseValidationError.isInstance(error)) console.error(error.issues); }
 * ```
 */
export class ResponseValidationError extends Ag2EvalError {
  static override readonly errorName: string = "ResponseValidationError";
  constructor(
    readonly agentName: string,
    readonly issues: readonly string[],
    readonly content: string,
    readonly attempts: number,
  ) {
    super(
      `agent "${agentName}": reply does not match responseSchema after ${attempts} attempt(s): ` +
        `${issues.join("; ")}; got ${JSON.stringify(content.slice(0, 200))}`,
    );
  }
}

/**
 * A tool asked for human input but the agent was built without a `humanInput` handler.
 *
 * @example
 * ```ts
 * new Agent({ name: "a", config, tools, humanInput: (prompt) => readline.question(prompt) });
 * ```
 */
export class HumanInputUnavailableError extends Ag2EvalError {
  static override readonly errorName: string = "HumanInputUnavailableError";
  constructor(agentName: string, prompt: string) {
    super(
      `agent "${agentName}" was asked for human input (prompt ${JSON.stringify(prompt)}) ` +
        "but has no humanInput handler; expected new Agent({ humanInput })",
    );
  }
}

/**
 * An {@link Agent} was built with invalid options (a bad step limit, duplicate tool names…).
 *
 * @example
 * ```ts
 * new Agent({ name: "a", maxSteps: 0 }); // throws AgentOptionsError
 * ```
 */
export class AgentOptionsError extends Ag2EvalError {
  static override readonly errorName: string = "AgentOptionsError";
}
