const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON text that can sit inside a `<script type="application/json">` element whatever the
 * strings in it hold: `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (so no `</script>`,
 * `<!--` or `<script` can appear), and the two line separators are escaped as well. `JSON.parse`
 * of the result gives back the value.
 *
 * @example
 * ```ts
 * embedJson({ text: "</script><script>alert(1)</script>" });
 * // '{"text":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
 * ```
 */
export function embedJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return "null";
  return text.replace(UNSAFE_IN_SCRIPT, (char) => ESCAPES[char] as string);
}

/**
 * Text safe to place between HTML tags or inside a double-quoted attribute.
 *
 * @example
 * ```ts
 * escapeHtml(`<b title="x">&</b>`); // "&lt;b title=&quot;x&quot;&gt;&amp;&lt;/b&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
