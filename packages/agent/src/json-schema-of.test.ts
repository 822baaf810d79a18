import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { Agent } from "./agent.js";
import { jsonSchemaOf } from "./json-schema-of.js";
import { TestConfig } from "./test-config.js";
import { tool } from "./tool.js";

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

describe("what the model receives", () => {
  // The agent calls each schema's own toJSONSchema() (zod stays a type-only import there);
  // what the model receives must equal z.toJSONSchema's output without the `$schema` dialect.
  const Args = z.object({
    city: z.string().describe("City name"),
    days: z.number().int().min(1).max(7).optional(),
    units: z.enum(["metric", "imperial"]).default("metric"),
    tags: z.array(z.string()),
    nested: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  });
  const withoutDialect = (schema: z.ZodType) => {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
    return rest;
  };

  it("sends tool parameters and the response schema as z.toJSONSchema would", async () => {
    const forecast = tool({ name: "forecast", parameters: Args, execute: () => "ok" });
    const config = new TestConfig('{"city": "Oslo", "tags": [], "nested": null}');
    const agent = new Agent({ name: "s", tools: [forecast], responseSchema: Args, config });
    await agent.ask("go");
    const request = config.requests[0];
    assert.deepEqual(request?.tools[0]?.parameters, withoutDialect(Args));
    assert.deepEqual(request?.responseSchema, withoutDialect(Args));
    assert.deepEqual(forecast.definition.parameters, withoutDialect(Args));
  });

  it("throws zod's error for a schema JSON Schema cannot express", () => {
    const Dated = z.object({ when: z.date() });
    assert.throws(() => tool({ name: "d", parameters: Dated, execute: () => "" }), /Date/);
    assert.throws(() => new Agent({ name: "d", responseSchema: Dated }), /Date/);
  });
});
