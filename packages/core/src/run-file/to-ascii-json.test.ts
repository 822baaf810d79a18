import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toAsciiJson } from "./write-run-file.js";

describe("toAsciiJson", () => {
  it("escapes what Python's json.dumps(ensure_ascii=True) escapes, DEL included", () => {
    // python3 -c 'import json; print(json.dumps({"a": "\x7fé😀"}, indent=2))'
    assert.equal(toAsciiJson({ a: "\u007fé😀" }), '{\n  "a": "\\u007f\\u00e9\\ud83d\\ude00"\n}');
  });

  it("leaves ASCII text as JSON.stringify writes it, and escapes a lone non-ASCII char after it", () => {
    const ascii = { a: "x~\u0000\n", b: [1, { c: null }] };
    assert.equal(toAsciiJson(ascii), JSON.stringify(ascii, null, 2));
    const tail = { a: "x".repeat(5000), b: "ü" };
    assert.equal(toAsciiJson(tail), `{\n  "a": "${"x".repeat(5000)}",\n  "b": "\\u00fc"\n}`);
  });
});
