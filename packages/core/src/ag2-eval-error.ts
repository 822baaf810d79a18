const MARKER = Symbol.for("ag2.eval.error");

/**
 * The base class of every error ag2-eval throws on purpose.
 *
 * `instanceof` fails when a package manager installs two copies of `@ag2/eval-core`, so each
 * error carries a global symbol marker and subclasses check it with `isInstance`.
 *
 * @example
 * ```ts
 * try { await Suite.fromJsonl("tasks.jsonl"); }
 * catch (error) { if (SuiteFileError.isInstance(error)) console.error(error.path, error.line); }
 * ```
 */
export class Ag2EvalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    Object.defineProperty(this, MARKER, { value: true });
  }

  /** True for any ag2-eval error, even one thrown by another copy of this package. */
  static isInstance(error: unknown): error is Ag2EvalError {
    return typeof error === "object" && error !== null && MARKER in error;
  }
}
