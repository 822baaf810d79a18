import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatNumber } from "./format-number.js";

describe("formatNumber", () => {
  it("keeps small values visible with three significant digits", () => {
    assert.equal(formatNumber(0.0000532), "0.0000532");
    assert.equal(formatNumber(0.000055049999999999996), "0.000055");
    assert.equal(formatNumber(0.123456), "0.123");
    assert.equal(formatNumber(0.5), "0.5");
    assert.equal(formatNumber(1.23e-9), "1.23e-9");
    assert.equal(formatNumber(0.99996), "1");
  });

  it("never rounds the integer part away and trims trailing zeros", () => {
    assert.equal(formatNumber(300.71), "301");
    assert.equal(formatNumber(12.345), "12.3");
    assert.equal(formatNumber(1.5), "1.5");
    assert.equal(formatNumber(2.001), "2");
    assert.equal(formatNumber(123456.7), "123457");
    assert.equal(formatNumber(42), "42");
    assert.equal(formatNumber(0), "0");
  });

  it("signs differences on request, and takes another number of digits", () => {
    assert.equal(formatNumber(-0.0000079), "-0.0000079");
    assert.equal(formatNumber(0.0000079, { sign: true }), "+0.0000079");
    assert.equal(formatNumber(0, { sign: true }), "+0");
    assert.equal(formatNumber(-0), "0");
    assert.equal(formatNumber(Math.PI, { digits: 5 }), "3.1416");
    assert.equal(formatNumber(Number.NaN), "NaN");
    assert.equal(formatNumber(Number.NEGATIVE_INFINITY), "-Infinity");
  });
});
