import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatFixed, pythonListRepr, pythonStrRepr, pythonTypeName } from "./python-format.js";

describe("Python formatting helpers", () => {
  it("format fixed point like Python, including ties to even and signs", () => {
    // Expected strings printed by CPython: f"{v:.2f}", f"{v:+5.1f}", f"{v:5.1f}".
    assert.equal(formatFixed(0.125, { precision: 2 }), "0.12");
    assert.equal(formatFixed(0.375, { precision: 2 }), "0.38");
    assert.equal(formatFixed(2.5, { precision: 0 }), "2");
    assert.equal(formatFixed(3.5, { precision: 0 }), "4");
    assert.equal(formatFixed(-0.001, { precision: 2 }), "-0.00");
    assert.equal(formatFixed(0, { precision: 1, width: 5, sign: true }), " +0.0");
    assert.equal(formatFixed(-33.33333, { precision: 1, width: 5, sign: true }), "-33.3");
    assert.equal(formatFixed(100, { precision: 1, width: 5 }), "100.0");
    assert.equal(formatFixed(5, { precision: 1, width: 5 }), "  5.0");
    assert.equal(formatFixed(1 / 3, { precision: 2, sign: true }), "+0.33");
  });

  it("repr strings and lists like Python", () => {
    assert.equal(pythonListRepr(["a", "b"]), "['a', 'b']");
    assert.equal(pythonListRepr([]), "[]");
    assert.equal(pythonStrRepr("it's"), '"it\'s"');
    assert.equal(pythonStrRepr("a'b\"c"), "'a\\'b\"c'");
    assert.equal(pythonStrRepr("line\nnext\\"), "'line\\nnext\\\\'");
  });

  it("names JSON values by their Python type", () => {
    assert.deepEqual([[], "x", 1, 1.5, true, null, {}].map(pythonTypeName), [
      "list",
      "str",
      "int",
      "float",
      "bool",
      "NoneType",
      "dict",
    ]);
  });
});
