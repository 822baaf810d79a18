import type { TextOutput } from "./cli-io.js";

// Characters a terminal acts on instead of showing: C0 controls (ESC starts colour, cursor and
// title sequences; CR and LF forge lines), DEL, C1 controls (U+009B is a one-byte CSI on some
// terminals), the bidirectional overrides and isolates that reorder what follows, and the
// Unicode line and paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// what JSON.stringify leaves unescaped inside strings (it escapes every C0 control itself)
const ACTIVE_AFTER_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Text from a run (a task id, an error message, a label, a scorer's comment) as the terminal
 * should show it: every character that would move the cursor, start an escape sequence or
 * reorder the line is written out as an escape (`\n`, `\x1b`, `\u202e`), so hostile text
 * can neither clear the screen nor forge a line of output.
 *
 * @example
 * ```ts
 * visibleText("t1\n\u001b[2Jinjected: 1/1 passed"); // 't1\\n\\x1b[2Jinjected: 1/1 passed'
 * ```
 */
export function visibleText(text: string): string {
  return text.replace(ACTIVE, escapeOne);
}

/** Like {@link visibleText}, but tabs and line breaks stay: for a whole block the CLI wrote. */
export function visibleBlock(text: string): string {
  return text.replace(ACTIVE, (character) =>
    character === "\n" || character === "\t" ? character : escapeOne(character),
  );
}

/**
 * A JSON value with every string in it (object keys too) passed through {@link visibleText},
 * for printing a run's data as text. Arrays and plain objects are copied; other values kept.
 */
export function visibleData<T>(value: T): T {
  return mapStrings(value) as T;
}

/**
 * `JSON.stringify` for a terminal: JSON already escapes C0 controls inside strings, so only
 * DEL, C1 controls, bidi controls and U+2028/U+2029 are left; each becomes a `\uXXXX` escape,
 * which keeps the document valid JSON that parses to the same value.
 */
export function visibleJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(ACTIVE_AFTER_JSON, unicodeEscape);
}

function mapStrings(value: unknown): unknown {
  if (typeof value === "string") return visibleText(value);
  if (Array.isArray(value)) return value.map(mapStrings);
  if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[visibleText(key)] = mapStrings(item);
    return copy;
  }
  return value;
}

function escapeOne(character: string): string {
  const short = SHORT[character];
  if (short !== undefined) return short;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : unicodeEscape(character);
}

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

// The only sequences the CLI writes itself: SGR colours, and the progress line's
// carriage return + erase-line at the start of a redraw.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const OWN_SEQUENCE = /^(?:\r\u001b\[2K|\u001b\[[0-9;]{0,16}m)/;

/**
 * A stream that shows every active character it is given (see {@link visibleText}), except
 * line breaks, tabs and the CLI's own colour and redraw sequences: the last line of defence
 * for text from a run that reached an output without being escaped where it was formatted.
 *
 * @example
 * ```ts
 * const stdout = visibleOutput(process.stdout);
 * stdout.write("\u001b]0;pwned\u0007"); // prints \x1b]0;pwned\x07
 * ```
 */
export function visibleOutput(stream: TextOutput): TextOutput {
  return {
    isTTY: stream.isTTY,
    // read when asked: a terminal's width changes as it is resized
    get columns() {
      return stream.columns;
    },
    write: (text: string) => stream.write(visibleOwnText(text)),
  };
}

function visibleOwnText(text: string): string {
  let out = "";
  let index = 0;
  for (const match of text.matchAll(ACTIVE)) {
    const at = match.index;
    if (at < index) continue; // inside a sequence already let through
    out += text.slice(index, at);
    const own = OWN_SEQUENCE.exec(text.slice(at, at + 24));
    if (own) {
      out += own[0];
      index = at + own[0].length;
    } else {
      const character = match[0];
      out += character === "\n" || character === "\t" ? character : escapeOne(character);
      index = at + 1;
    }
  }
  return out + text.slice(index);
}
