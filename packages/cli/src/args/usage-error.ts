import { Ag2EvalError } from "@ag2/eval";

/**
 * A mistake in how the command was called: an unknown flag, a missing argument, a value of the
 * wrong kind. The CLI prints its message and hint on one line each and exits with code 2,
 * without a stack trace.
 *
 * @example
 * ```ts
 * throw new UsageError("--repeats: got \"two\", expected a whole number >= 1", {
 *   hint: "ag2-eval run --help lists the flags",
 * });
 * ```
 */
export class UsageError extends Ag2EvalError {
  static override readonly errorName: string = "UsageError";
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.hint = options.hint;
  }
}

/**
 * A configuration file that could not be loaded or does not hold valid settings. Exit code 2.
 *
 * @example
 * ```ts
 * throw new ConfigError({ path: "ag2-eval.config.ts", field: "concurrency", problem: "got 0, expected a whole number >= 1" });
 * ```
 */
export class ConfigError extends UsageError {
  static override readonly errorName: string = "ConfigError";
  readonly path: string;
  readonly field: string | null;

  constructor(init: { path: string; field?: string | null; problem: string; cause?: unknown }) {
    const where = init.field ? `${init.path}: field "${init.field}"` : init.path;
    super(`${where}: ${init.problem}`, {
      hint: "fix the configuration file (its settings are the flags, camelCased: ag2-eval run --help lists them)",
      cause: init.cause,
    });
    this.path = init.path;
    this.field = init.field ?? null;
  }
}
