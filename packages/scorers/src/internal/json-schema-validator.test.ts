import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateJsonSchema } from "./json-schema-validator.js";

const messages = (schema: unknown, value: unknown) =>
  validateJsonSchema(schema, value).map((issue) => `${issue.path}: ${issue.message}`);

describe("validateJsonSchema keywords beyond the basics", () => {
  it("follows local $refs into $defs and definitions, recursively", () => {
    const tree = {
      $defs: {
        node: {
          type: "object",
          required: ["name"],
          properties: { kids: { type: "array", items: { $ref: "#/$defs/node" } } },
        },
      },
      $ref: "#/$defs/node",
    };
    assert.deepEqual(messages(tree, { name: "root", kids: [{ name: "a", kids: [{}] }] }), [
      "$.kids[0].kids[0].name: missing required property",
    ]);
    assert.deepEqual(
      messages({ definitions: { "a/b": { type: "string" } }, $ref: "#/definitions/a~1b" }, 3),
      ["$: expected string, got integer"],
    );
    assert.deepEqual(messages({ $ref: "https://example.com/s.json" }, 1), [
      '$: cannot resolve $ref https://example.com/s.json (only local "#/..." references are read)',
    ]);
  });

  it("stops a $ref that refers to itself without consuming input", () => {
    const [issue] = messages({ $ref: "#" }, 1);
    assert.match(issue ?? "", /applies more than 100 schemas to one value \(a cycle\?\)/);
  });

  it("follows a recursive schema as deep as the document goes", () => {
    const tree = {
      type: "object",
      properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#" } } },
    };
    let node: Record<string, unknown> = { name: "leaf" };
    for (let level = 0; level < 300; level++) node = { name: `n${level}`, children: [node] };
    assert.deepEqual(messages(tree, node), []);
  });

  it("gives up on a schema whose anyOf branches multiply, instead of running for minutes", () => {
    const schema = {
      anyOf: [{ $ref: "#/$defs/a" }, { $ref: "#/$defs/a" }],
      $defs: { a: { anyOf: [{ $ref: "#" }, { type: "null" }] } },
    };
    assert.deepEqual(messages(schema, 1), [
      "$: the schema needs over 200000 checks for this value; not checked",
    ]);
  });

  it("checks anyOf, oneOf, allOf and not", () => {
    const anyOf = { anyOf: [{ type: "string" }, { type: "integer" }] };
    assert.deepEqual(messages(anyOf, "x"), []);
    assert.deepEqual(messages(anyOf, 1.5), [
      "$: expected to match at least one of 2 schemas (anyOf)",
    ]);
    const oneOf = { oneOf: [{ type: "number" }, { type: "integer" }] };
    assert.deepEqual(messages(oneOf, 1.5), []);
    assert.deepEqual(messages(oneOf, 2), [
      "$: expected to match exactly one of 2 schemas (oneOf), matched 2",
    ]);
    assert.deepEqual(messages({ allOf: [{ minimum: 1 }, { maximum: 3 }] }, 5), [
      "$: expected <= 3, got 5",
    ]);
    assert.deepEqual(messages({ not: { const: "no" } }, "no"), [
      "$: expected not to match the schema under not",
    ]);
  });

  it("checks pattern (unanchored, Unicode), and names a pattern that does not compile", () => {
    assert.deepEqual(messages({ pattern: "^\\d{4}-\\d{2}$" }, "2026-11"), []);
    assert.deepEqual(messages({ pattern: "^\\d{4}$" }, "20261"), [
      '$: expected to match /^\\d{4}$/, got "20261"',
    ]);
    assert.deepEqual(messages({ pattern: "\\p{L}+" }, "123 é"), []);
    assert.deepEqual(messages({ pattern: "(" }, "x"), [
      "$: the schema's pattern /(/ is not a valid regular expression",
    ]);
  });

  it("checks item counts, unique items, property counts and multipleOf", () => {
    assert.deepEqual(messages({ minItems: 2, maxItems: 3 }, [1]), [
      "$: expected at least 2 items, got 1",
    ]);
    assert.deepEqual(messages({ maxItems: 1 }, [1, 2]), ["$: expected at most 1 items, got 2"]);
    assert.deepEqual(messages({ uniqueItems: true }, [{ a: 1 }, { a: 2 }, { a: 1 }]), [
      "$[2]: expected unique items, got a repeat",
    ]);
    assert.deepEqual(messages({ minProperties: 1 }, {}), [
      "$: expected at least 1 properties, got 0",
    ]);
    assert.deepEqual(messages({ maxProperties: 1 }, { a: 1, b: 2 }), [
      "$: expected at most 1 properties, got 2",
    ]);
    assert.deepEqual(messages({ multipleOf: 0.1 }, 0.3), []);
    assert.deepEqual(messages({ multipleOf: 5 }, 12), ["$: expected a multiple of 5, got 12"]);
  });

  it("treats format as an annotation", () => {
    assert.deepEqual(messages({ type: "string", format: "email" }, "not an email"), []);
  });
});
