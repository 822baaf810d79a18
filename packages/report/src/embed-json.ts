import { Buffer } from "node:buffer";

/** What may not stay literal: markup characters, and everything outside ASCII. */
const UNSAFE_ALL = /[<>&\u0080-\uffff]/g;
const unicodeEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * JSON text that can sit inside a `<script type="application/json">` element whatever the
 * strings in it hold: `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (so no `</script>`,
 * `<!--` or `<script` can appear), and every character outside ASCII is written as its `\u`
 * escape too (the line separators among them), so the text is pure ASCII. `JSON.parse` of the
 * result gives back the value.
 *
 * @example
 * ```ts
 * embedJson({ text: "</script><script>alert(1)</script>" });
 * // '{"text":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
 * embedJson({ text: "20 °C" }); // '{"text":"20 \\u00b0C"}'
 * ```
 */
export function embedJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return "null";
  // pure ASCII because a browser decodes and parses an ASCII page (reports run to tens of
  // megabytes) markedly faster than one with other characters scattered through it. Counting
  // UTF-8 bytes is native and vectorized: an ASCII text with no markup needs no replace at all
  const ascii = Buffer.byteLength(text, "utf8") === text.length;
  if (ascii && !text.includes("<") && !text.includes(">") && !text.includes("&")) return text;
  return text.replace(UNSAFE_ALL, unicodeEscape);
}

/**
 * Text safe to place between HTML tags or inside a double-quoted attribute.
 *
 * @example
 * ```ts
 * escapeHtml(`<b title="x">&</b>`); // "&#60;b title=&#34;x&#34;&#62;&#38;&#60;/b&#62;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
