/**
 * Internal helpers that reproduce Python's text formatting where the reference's messages and
 * summaries depend on it, so texts match the Python framework character for character.
 */

/** The Python type name of a JSON value, as the reference's messages print it. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (Array.isArray(value)) return "list";
  switch (typeof value) {
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "object":
      return "dict";
    default:
      return typeof value;
  }
}

/** Python's `repr()` of a string: single quotes unless only double quotes avoid escaping. */
export function pythonStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === "\\") out += "\\\\";
    else if (char === quote) out += `\\${quote}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += char;
  }
  return `${quote}${out}${quote}`;
}

/** Python's repr of a list of strings: `['a', 'b']`. */
export function pythonListRepr(items: readonly string[]): string {
  return `[${items.map(pythonStrRepr).join(", ")}]`;
}

/**
 * Python's fixed-point format `{value:<sign><width>.<precision>f}`: right-aligned to `width`,
 * with an explicit `+` when `sign` is set. `toFixed` rounds an exact tie away from zero while
 * Python rounds it to even (`f"{0.125:.2f}"` is `0.12`), so exact ties are settled here.
 */
export function formatFixed(
  value: number,
  options: { precision: number; width?: number; sign?: boolean },
): string {
  const { precision } = options;
  let text = Math.abs(value).toFixed(precision);
  if (Number.isFinite(value) && Math.abs(value) < 1e21) {
    const exact = Math.abs(value).toFixed(100);
    const fraction = exact.slice(exact.indexOf(".") + 1);
    const isTie = fraction[precision] === "5" && /^0*$/.test(fraction.slice(precision + 1));
    if (isTie) {
      const truncated = exact.slice(0, exact.indexOf(".") + (precision > 0 ? precision + 1 : 0));
      const lastDigit = Number(truncated.replace(".", "").slice(-1));
      if (lastDigit % 2 === 0) text = truncated;
    }
  }
  // Python keeps the sign of negative values that round to zero ("-0.0"); so does this.
  if (value < 0 || Object.is(value, -0)) text = `-${text}`;
  else if (options.sign) text = `+${text}`;
  return text.padStart(options.width ?? 0, " ");
}

/** Python's `f"{text:<width}"`: left-aligned, padded with spaces. */
export function padRight(text: string, width: number): string {
  return text.padEnd(width, " ");
}
