import type { FlagValues } from "./parse-command-args.js";
import { UsageError } from "./usage-error.js";

/**
 * Typed readers over parsed flags; each rejects a malformed value with a {@link UsageError}
 * naming the flag, what was got and what was expected.
 *
 * @example
 * ```ts
 * const flags = flagReader(values);
 * const repeats = flags.integer("repeats", { min: 1 });
 * ```
 */
export function flagReader(values: FlagValues) {
  const raw = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  return {
    // no flag takes an empty value: `--label ""` is a slip (an unset variable), not a label
    string: (name: string): string | undefined => {
      const value = raw(name);
      if (value !== undefined && value.trim() === "") throw invalid(name, value, "a value");
      return value;
    },
    boolean: (name: string): boolean | undefined => {
      const value = values[name];
      return typeof value === "boolean" ? value : undefined;
    },
    list: (name: string): string[] => {
      const value = values[name];
      return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    },
    integer: (name: string, options: { min: number }): number | undefined => {
      const value = raw(name);
      if (value === undefined) return undefined;
      const parsed = Number(value);
      if (!/^-?\d+$/.test(value.trim()) || parsed < options.min) {
        throw invalid(name, value, `a whole number >= ${options.min}`);
      }
      return parsed;
    },
    number: (name: string, options: { min: number; exclusive?: boolean }): number | undefined => {
      const value = raw(name);
      if (value === undefined) return undefined;
      const parsed = Number(value);
      const low = options.exclusive ? parsed <= options.min : parsed < options.min;
      if (value.trim() === "" || !Number.isFinite(parsed) || low) {
        throw invalid(name, value, `a number ${options.exclusive ? ">" : ">="} ${options.min}`);
      }
      return parsed;
    },
  };
}

function invalid(name: string, value: string, expected: string): UsageError {
  return new UsageError(`--${name}: got "${value}", expected ${expected}`, {
    hint: `pass --${name} with ${expected}`,
  });
}

/**
 * Parses repeatable `--min-pass-rate <key>=<0..1>` flags into a map.
 *
 * @example
 * ```ts
 * parseMinPassRates(["correct=0.9"]); // { correct: 0.9 }
 * ```
 */
export function parseMinPassRates(entries: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf("=");
    const key = at > 0 ? entry.slice(0, at) : "";
    const rate = at > 0 ? Number(entry.slice(at + 1)) : Number.NaN;
    if (!key || entry.slice(at + 1).trim() === "" || !(rate >= 0 && rate <= 1)) {
      throw new UsageError(
        `--min-pass-rate: got "${entry}", expected <key>=<rate between 0 and 1>`,
        {
          hint: "e.g. --min-pass-rate final_answer=0.9",
        },
      );
    }
    result[key] = rate;
  }
  return result;
}
