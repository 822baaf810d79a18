import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { depthProblem, jsonDepth, MAX_JSON_DEPTH } from "./json-depth.js";

/** `[[[…1…]]]` nested `depth` arrays deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("depthProblem", () => {
  it("counts containers: a scalar is 0, {} is 1, and the limit itself is allowed", () => {
    assert.equal(depthProblem("x", { limit: 0 }), null);
    assert.equal(depthProblem({}, { limit: 1 }), null);
    assert.equal(depthProblem(nested(MAX_JSON_DEPTH)), null);
    assert.deepEqual(depthProblem(nested(MAX_JSON_DEPTH + 1)), {
      path: "[0][0][0][0][0][0][0][0][0][0][0][0]…(488 more)…[0][0][0][0][0][0][0][0][0][0][0][0]",
      limit: MAX_JSON_DEPTH,
    });
  });

  it("names the path of the first container past the limit, with keys and a prefix", () => {
    const value = { ok: [1], inputs: { "a b": [{ x: [] }] } };
    assert.deepEqual(depthProblem(value, { limit: 4, path: "answer" }), {
      path: 'answer.inputs["a b"][0].x',
      limit: 4,
    });
  });

  it("walks 100,000 levels without overflowing the stack", () => {
    assert.equal(depthProblem(nested(100_000))?.limit, MAX_JSON_DEPTH);
    assert.equal(jsonDepth(nested(100_000)), MAX_JSON_DEPTH + 1);
  });

  it("measures a shared object at its deepest place, and a cycle as too deep", () => {
    const shared = { deep: [[1]] };
    assert.equal(jsonDepth({ a: shared, b: { c: { d: shared } } }), 6);
    assert.ok(depthProblem({ a: shared, b: { c: { d: shared } } }, { limit: 5 }));
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(depthProblem(cycle)?.limit, MAX_JSON_DEPTH);
  });

  it("measures a value sharing its parts 2^60 ways in time (the walk falls back to a memo)", () => {
    let value: unknown = 1;
    for (let i = 0; i < 60; i++) value = [value, value];
    assert.equal(jsonDepth(value), 60);
    assert.equal(depthProblem(value, { limit: 59 })?.limit, 59);
  });
});
