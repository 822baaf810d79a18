import type { CliIo } from "./cli-io.js";

/** The width lists are laid out to when nothing says how wide the output is. */
export const DEFAULT_WIDTH = 80;

/**
 * How wide stdout is: the terminal's columns when it is a terminal, else `COLUMNS` from the
 * environment when that is a positive number (what `ls` reads), else undefined: a pipe or a
 * file has no width, and what goes there is not cut to one.
 *
 * @example
 * ```ts
 * formatRunList(runs, { width: textWidth(io) }); // cut to the terminal, whole in a pipe
 * formatColumns(ids, { width: textWidth(io) ?? DEFAULT_WIDTH });
 * ```
 */
export function textWidth(io: Pick<CliIo, "stdout" | "env">): number | undefined {
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
  if (columns !== undefined && columns > 0) return columns;
  const fromEnv = Number(io.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}
