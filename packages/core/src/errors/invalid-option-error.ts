import { Ag2EvalError } from "./ag2-eval-error.js";

/**
 * An option of `runAgent`, `evaluateTraces` or another runner is invalid. Raised before
 * anything runs; `option` names the offending option.
 *
 * @example
 * ```ts
 * try { await runAgent(suite, { ...options, concurrency: Number.NaN }); }
 * catch (error) { if (InvalidOptionError.isInstance(error)) console.error(error.option); }
 * ```
 */
export class InvalidOptionError extends Ag2EvalError {
  static override readonly errorName: string = "InvalidOptionError";
  readonly option: string;

  constructor(option: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.option = option;
  }
}
