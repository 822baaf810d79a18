import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deepFreeze } from "./deep-freeze.js";

describe("deepFreeze", () => {
  test("freezes nested objects and arrays; a write in strict mode throws", () => {
    const value = deepFreeze({ a: { b: [1, { c: 2 }] } });
    assert.throws(() => {
      (value.a.b[1] as { c: number }).c = 3;
    }, TypeError);
    assert.throws(() => (value.a.b as number[]).push(4), TypeError);
  });

  test("a cycle, a typed array and a map do not stop it", () => {
    const cyclic: Record<string, unknown> = { bytes: new Uint8Array(2), map: new Map() };
    cyclic.self = cyclic;
    deepFreeze(cyclic);
    assert.ok(Object.isFrozen(cyclic));
    assert.ok(!Object.isFrozen(cyclic.bytes));
  });

  test("100,000 levels deep do not overflow the stack", () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      deep.next = next;
      deep = next;
    }
    deepFreeze(root);
    assert.ok(Object.isFrozen(deep));
  });
});
