import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  holdsActiveText,
  visibleData,
  visibleJson,
  visibleOutput,
  visibleText,
} from "./visible-text.js";

describe("visibleText", () => {
  it("writes out every character a terminal acts on, and leaves printable text alone", () => {
    assert.equal(
      visibleText("a\nb\rc\td\u001b[2Je\u0007f\u009bg\u202eh\u2028i"),
      "a\\nb\\rc\\td\\x1b[2Je\\x07f\\x9bg\\u202eh\\u2028i",
    );
    assert.equal(visibleText("São Paulo · 東京 🌧"), "São Paulo · 東京 🌧");
  });

  it("holdsActiveText finds an active character in any key or string, at any depth", () => {
    assert.equal(holdsActiveText({ a: ["plain", 1, null, { b: "text é 日本" }] }), false);
    assert.equal(holdsActiveText({ a: [{ b: ["x\u001b[2J"] }] }), true);
    assert.equal(holdsActiveText({ a: { "k\n": 1 } }), true);
    assert.equal(holdsActiveText(["\u202e"]), true);
    // what JSON would print of these is theirs to decide: counted as a yes
    assert.equal(holdsActiveText({ at: new Date(0) }), true);
    // the top-level value is looked at through its fields, as visibleRun passes a RunResult
    assert.equal(holdsActiveText({ toJSON: () => "\u001b", id: "x" }), false);
    const shared: Record<string, unknown> = { text: "same" };
    shared.self = shared;
    assert.equal(holdsActiveText({ one: shared, two: shared }), false);
  });

  it("visibleData escapes keys and values at any depth and keeps other values", () => {
    assert.deepEqual(visibleData({ "k\n": ["v\u001b", 1, null, { x: "\r" }] }), {
      "k\\n": ["v\\x1b", 1, null, { x: "\\r" }],
    });
  });

  it("visibleJson stays JSON that parses to the same value", () => {
    const value = { id: "a\u001b\u009b\u202e\u2028\n" };
    const text = visibleJson(value);
    assert.doesNotMatch(text, /[\u007f-\u009f\u2028\u202e]/);
    assert.deepEqual(JSON.parse(text), value);
  });
});

describe("visibleOutput", () => {
  it("lets the CLI's own colours and progress redraw through, and nothing else", () => {
    const written: string[] = [];
    const out = visibleOutput({ write: (text: string) => written.push(text) });
    out.write("\r\u001b[2K3/10 tasks · \u001b[32mok\u001b[39m\n");
    out.write("\u001b]0;title\u0007 \u001b[2J\r\n");
    assert.deepEqual(written, [
      "\r\u001b[2K3/10 tasks · \u001b[32mok\u001b[39m\n",
      "\\x1b]0;title\\x07 \\x1b[2J\\r\n",
    ]);
  });
});
