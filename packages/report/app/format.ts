/** Display helpers: every number and string the pages show goes through one of these. */
import { formatNumber } from "@ag2/eval-core/format";

export const pct = (rate: number, digits = 1): string => `${(rate * 100).toFixed(digits)}%`;

export const points = (delta: number): string =>
  `${delta >= 0 ? "+" : "−"}${Math.abs(delta * 100).toFixed(1)} pts`;

/** A signed difference of a numeric key, with three significant digits (`−0.000012`, not `−0.000`). */
export const signed = (value: number): string =>
  `${value >= 0 ? "+" : "−"}${formatNumber(Math.abs(value))}`;

// one formatter for the page: `toLocaleString` with a locale builds a new one on every call
const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/**
 * A statistic: integers grouped (`12,345`), anything else with `digits` significant digits, as
 * core's `formatNumber` writes it for the CLI, so a tiny mean shows as `0.0000532`, never `0`.
 */
export function num(value: number, digits = 3): string {
  if (Number.isInteger(value)) return grouped.format(value);
  return formatNumber(value, { digits });
}

export const count = (value: number): string => grouped.format(value);

/** Dollars with three significant digits below $1, so $0.0000532 stays readable. */
export function dollars(value: number | null): string {
  if (value === null) return "—";
  if (value === 0) return "$0";
  if (Math.abs(value) >= 1) return `$${value.toFixed(2)}`;
  return `$${Number(value.toPrecision(3)).toString()}`;
}

export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms === 0) return "0 ms";
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$|Z$/, " UTC");
}

export const shortId = (id: string): string => (id.length > 12 ? `${id.slice(0, 10)}…` : id);

// C0 controls (but tab and newline), DEL, and the bidirectional controls that reorder text
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Run text made visible: control characters become their Unicode control pictures and
 * bidirectional overrides a marker, so an ANSI escape or a right-to-left override shows as
 * what it is instead of reordering or hiding the text around it.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return `[U+${code.toString(16).toUpperCase().padStart(4, "0")}]`;
  });
}

/** JSON text pretty-printed when it parses, else the text itself. */
export function prettyJsonText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function pretty(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}
