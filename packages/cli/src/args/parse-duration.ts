const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads a duration as the CLI accepts it: a number with a unit `ms`, `s`, `m` or `h` (`90s`,
 * `5m`, `1.5h`), or a bare number in `bareUnit` (milliseconds unless told otherwise:
 * `--timeout` reads a bare number as seconds, as it always has). Returns whole milliseconds,
 * or null when the text is not a duration above zero.
 *
 * @example
 * ```ts
 * parseDurationMs("90s"); // 90000
 * parseDurationMs("250"); // 250
 * parseDurationMs("30", { bareUnit: "s" }); // 30000
 * ```
 */
export function parseDurationMs(
  text: string,
  options: { readonly bareUnit?: "ms" | "s" } = {},
): number | null {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h)?$/i.exec(text.trim());
  if (!match) return null;
  const unit = (match[2] ?? options.bareUnit ?? "ms").toLowerCase();
  const ms = Math.round(Number(match[1]) * (UNIT_MS[unit] ?? 1));
  // a timer cannot wait 2^31 ms or more; core refuses such limits too
  return ms > 0 && ms < 2 ** 31 ? ms : null;
}

/** What {@link parseDurationMs} accepts, for error messages. */
export const DURATION_EXPECTED =
  'a duration above 0: milliseconds ("1500") or a number with ms, s, m or h ("90s", "5m")';

/** What {@link parseDurationMs} accepts with `bareUnit: "s"`, for error messages. */
export const SECONDS_DURATION_EXPECTED =
  'a duration above 0: seconds ("30") or a number with ms, s, m or h ("1.5s", "500ms")';
