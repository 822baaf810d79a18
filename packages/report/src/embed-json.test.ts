import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { embedJson, escapeHtml } from "./embed-json.js";
import { HUGE, PAYLOADS } from "./hostile-run.test-helper.js";

describe("embedJson", () => {
  it("gives back every payload through JSON.parse", () => {
    const value = { payloads: PAYLOADS, huge: HUGE, lines: "a\u2028b\u2029c", lone: "\ud800" };
    assert.deepEqual(JSON.parse(embedJson(value)), value);
  });

  it("leaves nothing that could end or open a script element", () => {
    const text = embedJson({ payloads: PAYLOADS, keys: { "</SCRIPT >": "<!--" } });
    assert.doesNotMatch(text, /<|>|&/);
    assert.doesNotMatch(text, /\u2028|\u2029/);
  });

  it("writes pure ASCII that still gives back every character", () => {
    const value = { text: "20 °C, naïve, 東京, 😀 and a lone \udc00", key: { é: "\u0085" } };
    const text = embedJson(value);
    assert.match(text, /^[\x20-\x7e]*$/);
    assert.ok(text.includes("20 \\u00b0C"));
    assert.deepEqual(JSON.parse(text), value);
  });

  it("writes null for a value JSON cannot hold", () => {
    assert.equal(embedJson(undefined), "null");
  });
});

describe("escapeHtml", () => {
  it("escapes markup and both quote kinds", () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      "&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;",
    );
  });
});
