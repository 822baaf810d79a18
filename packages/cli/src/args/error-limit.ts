/** `--max-errors`: how many task runs may error, as a count or as a fraction of the runs. */
export type ErrorLimit = { readonly count: number } | { readonly fraction: number };

/** What `--max-errors` and the config's `maxErrors` accept, for error messages. */
export const ERROR_LIMIT_EXPECTED =
  'a whole number of tasks (0, 3) or a fraction of them (0.1, "10%")';

/**
 * Reads a `--max-errors` value: a whole number is a count of task runs (`0`, `3`), a number
 * between 0 and 1 or a percentage is a fraction of them (`0.1`, `"10%"`). Null when the value
 * is neither, so the caller can name the flag or the config field.
 *
 * @example
 * ```ts
 * parseErrorLimit("10%"); // { fraction: 0.1 }
 * parseErrorLimit(2); // { count: 2 }
 * ```
 */
export function parseErrorLimit(value: string | number): ErrorLimit | null {
  const text = String(value).trim();
  if (text === "") return null;
  if (text.endsWith("%")) {
    const percent = Number(text.slice(0, -1));
    return text.length > 1 && percent >= 0 && percent <= 100 ? { fraction: percent / 100 } : null;
  }
  const number = Number(text);
  if (Number.isInteger(number) && number >= 0) return { count: number };
  if (number > 0 && number < 1) return { fraction: number };
  return null;
}
