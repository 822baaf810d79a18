import { Ag2EvalError } from "@ag2/eval-core";

/**
 * A {@link TestConfig} was asked for more model responses than its cassette holds.
 *
 * @example
 * ```ts
 * await new Agent({ name: "a", config: new TestConfig() }).ask("hi");
 * // TestConfigExhaustedError: TestConfig cassette exhausted after 0 responses
 * ```
 */
export class TestConfigExhaustedError extends Ag2EvalError {
  static override readonly errorName: string = "TestConfigExhaustedError";
  constructor(readonly size: number) {
    super(
      `TestConfig cassette exhausted after ${size} responses; ` +
        `expected at most ${size} model calls per ask (add responses to the TestConfig)`,
    );
  }
}

/**
 * An element of a {@link TestConfig} cassette is not a string, a tool call, a list of tool
 * calls, a `ModelResponse` or a function returning one of those.
 *
 * @example
 * ```ts
 * new TestConfig(42 as never); // TestConfigElementError: element 1 ...
 * ```
 */
export class TestConfigElementError extends Ag2EvalError {
  static override readonly errorName: string = "TestConfigElementError";
  constructor(
    readonly position: number,
    got: string,
  ) {
    super(
      `TestConfig element ${position}: got ${got}; expected a string, a tool call ` +
        '{ name, arguments } or { type: "ToolCallEvent", name, arguments }, an array of tool ' +
        'calls, a { type: "ModelResponse" } object or a function',
    );
  }
}
