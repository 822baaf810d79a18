import type { TextOutput } from "./cli-io.js";

// Characters a terminal acts on instead of showing: C0 controls (ESC starts colour, cursor and
// title sequences; CR and LF forge lines), DEL, C1 controls (U+009B is a one-byte CSI on some
// terminals), the bidirectional overrides and isolates that reorder what follows, and the
// Unicode line and paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// the same, without the global flag's lastIndex, for a yes/no test
const ACTIVE_ANY = new RegExp(ACTIVE.source);
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
 * True when a string {@link visibleData} would change may be somewhere in `value`: a key or
 * string value with an active character, in arrays and objects (class instances too, through
 * their own enumerable fields, as JSON sees them). An object with its own way to become JSON
 * (a `toJSON` method, a `Date`) counts as a yes, as what it would print is not known here.
 * Walks without recursion and visits a shared object once; the top-level value's own
 * `toJSON` is ignored, so a `RunResult` is looked at through its fields.
 *
 * @example
 * ```ts
 * holdsActiveText({ tasks: [{ id: "t1" }] }); // false
 * holdsActiveText({ tasks: [{ id: "t1\u001b[2J" }] }); // true
 * ```
 */
export function holdsActiveText(value: unknown): boolean {
  // a run shares little (a task's inputs among its repeats), so a walk without a memo is
  // exact and about three times faster; only a cycle or much sharing exhausts the budget
  return activeWalk(value, null) ?? (activeWalk(value, new Set()) as boolean);
}

const VISIT_BUDGET = 1_000_000;

/** {@link holdsActiveText}, or `null` when the walk without a memo ran out of budget. */
function activeWalk(value: unknown, seen: Set<object> | null): boolean | null {
  const stack: unknown[] = [value];
  let visits = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (ACTIVE_ANY.test(item)) return true;
      continue;
    }
    if (typeof item !== "object" || item === null) continue;
    if (seen) {
      if (seen.has(item)) continue;
      seen.add(item);
    } else if (++visits > VISIT_BUDGET) return null;
    if (item !== value && typeof (item as { toJSON?: unknown }).toJSON === "function") return true;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) stack.push(item[i]);
      continue;
    }
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      if (ACTIVE_ANY.test(key)) return true;
      stack.push((item as Record<string, unknown>)[key]);
    }
  }
  return false;
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
