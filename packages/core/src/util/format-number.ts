/**
 * A number as people read it: integers whole, anything else with `digits` significant digits
 * (default 3) and no trailing zeros, and the integer part of a large value never rounded away.
 * Costs of a fraction of a cent stay visible: `0.0000532`, where a fixed two decimals print
 * `0.00`; below 0.000001 JavaScript's exponent form (`1.23e-7`) keeps the line short.
 * With `sign`, a positive value (and zero) gets a `+`, as a difference does.
 *
 * @example
 * ```ts
 * formatNumber(0.000055049999999999996); // "0.000055"
 * formatNumber(300.71); // "301"
 * formatNumber(1.5); // "1.5"
 * formatNumber(0.25 - 0.5, { sign: true }); // "-0.25"
 * `$${formatNumber(0.0000532)}`; // "$0.0000532"
 * ```
 */
export function formatNumber(
  value: number,
  options: { digits?: number; sign?: boolean } = {},
): string {
  const digits = Math.min(21, Math.max(1, Math.trunc(options.digits ?? 3)));
  const plus = options.sign ? "+" : "";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? `${plus}Infinity` : "-Infinity";
  const abs = Math.abs(value);
  let text: string;
  if (Number.isInteger(value)) text = String(abs);
  else if (abs >= 1) {
    const integerDigits = Math.floor(Math.log10(abs)) + 1;
    text = trimZeros(abs.toFixed(Math.max(0, Math.min(20, digits - integerDigits))));
  } else text = String(Number(abs.toPrecision(digits)));
  if (value < 0 && text !== "0") return `-${text}`;
  return `${plus}${text}`;
}

/** "12.30" → "12.3", "2.00" → "2"; a number without a point is left alone. */
function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
