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
  /**
   * The class's name as a string, which a minifier renaming classes leaves alone: `name`,
   * `isInstance` and the error type recorded on a trace read it. Every subclass sets its own;
   * one that does not falls back to its constructor's name.
   */
  static readonly errorName: string = "Ag2EvalError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = errorNameOf(new.target);
    // the names of its classes, own first: what `isInstance` on any of them compares with
    Object.defineProperty(this, MARKER, { value: classNames(new.target) });
  }

  /**
   * True for an error of this class or a subclass of it, even one thrown by another copy of
   * this package: `Ag2EvalError.isInstance` is true for every ag2-eval error,
   * `SuiteFileError.isInstance` only for suite file errors.
   */
  static isInstance<T extends abstract new (...args: never[]) => Ag2EvalError>(
    this: T,
    error: unknown,
  ): error is InstanceType<T> {
    if (typeof error !== "object" || error === null) return false;
    // biome-ignore lint/complexity/noThisInStatic: the class it is called on is the question
    const wanted = errorNameOf(this);
    try {
      if (!(MARKER in error)) return false;
      const names = (error as { [MARKER]: unknown })[MARKER];
      if (Array.isArray(names)) return names.includes(wanted);
      // an error from an older copy carries `true`: its own class name is all there is to go by
      return wanted === "Ag2EvalError" || (error as { name?: unknown }).name === wanted;
    } catch {
      // a thrown Proxy whose traps throw is no ag2-eval error
      return false;
    }
  }
}

function classNames(target: abstract new (...args: never[]) => unknown): string[] {
  const names: string[] = [];
  for (
    let at: unknown = target;
    typeof at === "function" && at !== Error;
    at = Object.getPrototypeOf(at)
  ) {
    names.push(errorNameOf(at));
  }
  return names;
}

function errorNameOf(target: object): string {
  const own = Object.hasOwn(target, "errorName")
    ? (target as { errorName: unknown }).errorName
    : undefined;
  return typeof own === "string" ? own : (target as { name: string }).name;
}
