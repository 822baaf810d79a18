import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { outputsFromText } from "./outputs-from-trace.js";

/** What outputsFromText promises, written the slow way: parse, else keep the text. */
function expected(text: string): { body: string; content: unknown } {
  try {
    return { body: text, content: JSON.parse(text) };
  } catch {
    return { body: text, content: text };
  }
}

describe("outputsFromText", () => {
  it("parses JSON whatever its first character, and keeps any other text as it is", () => {
    const texts = [
      "",
      " ",
      "Paris",
      "siqtogfoupqjjwoivhjjocnz:0",
      '{"a":1}',
      "[1,2]",
      '"quoted"',
      "-3.5",
      "42",
      "5 apples",
      "true",
      " false ",
      "\tnull\n",
      "nullable",
      "truth",
      '\u00a0{"a":2}',
      "\ufeff[3]",
      "\u2028 7",
      "é",
      "{broken",
      "~",
    ];
    for (const text of texts)
      assert.deepEqual(outputsFromText(text), expected(text), JSON.stringify(text));
  });
});
