import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { answer, context } from "./internal/context.test-helper.js";
import { jsonSchema } from "./json-schema.js";

const schema = {
  type: "object",
  required: ["city", "population"],
  additionalProperties: false,
  properties: {
    city: { type: "string", minLength: 2, maxLength: 20 },
    population: { type: "integer", minimum: 0 },
    tags: { type: "array", items: { enum: ["capital", "port"] } },
    kind: { const: "city" },
  },
} as const;

describe("jsonSchema (JSON Schema object)", () => {
  it("passes valid JSON content", async () => {
    const out = '{"city":"Paris","population":2100000,"tags":["capital"],"kind":"city"}';
    const [fb] = await jsonSchema(schema).score(context({ events: [answer(out)] }));
    assert.deepEqual(fb, { key: "json_schema", score: true });
  });

  it("lists every failing path in the comment", async () => {
    const out = '{"city":"P","population":-1.5,"tags":["capital","moon"],"kind":"town","extra":1}';
    const [fb] = await jsonSchema(schema).score(context({ events: [answer(out)] }));
    assert.equal(fb?.score, false);
    assert.equal(
      fb?.comment,
      [
        "$.city: expected at least 2 characters, got 1",
        "$.population: expected integer, got number",
        '$.tags[1]: expected one of ["capital","port"], got "moon"',
        '$.kind: expected "city", got "town"',
        "$.extra: unexpected property",
      ].join("; "),
    );
  });

  it("reports missing required properties and a non-JSON body", async () => {
    const [missing] = await jsonSchema(schema).score(
      context({ events: [answer('{"city":"Paris"}')] }),
    );
    assert.equal(missing?.comment, "$.population: missing required property");
    const [text] = await jsonSchema(schema).score(context({ events: [answer("Paris")] }));
    assert.equal(text?.comment, "$: expected object, got string");
  });

  it("fails with no answer (empty trace)", async () => {
    const [fb] = await jsonSchema(schema).score(context());
    assert.deepEqual(fb, { key: "json_schema", score: false, comment: "no answer" });
  });
});

describe("jsonSchema (zod)", () => {
  const city = z.object({ city: z.string(), population: z.number().int().nonnegative() });

  it("passes valid content and fails with zod's paths", async () => {
    const ok = await jsonSchema(city, { key: "shape" }).score(
      context({ events: [answer('{"city":"Paris","population":1}')] }),
    );
    assert.deepEqual(ok[0], { key: "shape", score: true });
    const [bad] = await jsonSchema(city).score(
      context({ events: [answer('{"city":3,"population":1}')] }),
    );
    assert.equal(bad?.score, false);
    assert.match(String(bad?.comment), /^\$\.city: /);
  });
});
