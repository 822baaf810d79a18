import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { jsonSchemaOf } from "./json-schema-of.js";

describe("jsonSchemaOf", () => {
  const schema = z.object({ city: z.string(), days: z.number().int().optional() });
  const { $schema: _dialect, ...expected } = z.toJSONSchema(schema) as Record<string, unknown>;

  it("is z.toJSONSchema without the dialect line", () => {
    assert.deepEqual(jsonSchemaOf(schema), expected);
  });

  it("falls back to z.toJSONSchema for a schema without its own toJSONSchema (older zod 4)", () => {
    // what a schema of a zod 4 release before the method looks like to us
    const older = Object.create(schema, { toJSONSchema: { value: undefined } }) as z.ZodType;
    assert.deepEqual(jsonSchemaOf(older), expected);
  });
});
