import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { answer, context } from "./internal/context.test-helper.js";
import { type JsonSchemaObject, jsonSchema } from "./json-schema.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

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

const scoreOf = async (schema: JsonSchemaObject, output: unknown, options = {}) =>
  (
    await jsonSchema(schema, options).score(
      context({ events: [answer(typeof output === "string" ? output : JSON.stringify(output))] }),
    )
  )[0];

/** The failing lines of the comment; `[]` when the value passed. */
const problems = async (schema: JsonSchemaObject, output: unknown) => {
  const fb = await scoreOf(schema, output);
  return fb?.score === true ? [] : String(fb?.comment).split("; ");
};

describe("jsonSchema (JSON Schema object)", () => {
  it("passes valid JSON content", async () => {
    const out = '{"city":"Paris","population":2100000,"tags":["capital"],"kind":"city"}';
    assert.deepEqual(await scoreOf(schema, out), { key: "json_schema", score: true });
  });

  it("names every failing path in the comment", async () => {
    const out = '{"city":"P","population":-1.5,"tags":["capital","moon"],"kind":"town","extra":1}';
    const fb = await scoreOf(schema, out);
    assert.equal(fb?.score, false);
    assert.equal(
      fb?.comment,
      [
        "$.extra: unexpected property",
        '$.city: must NOT have fewer than 2 characters, got "P"',
        "$.population: must be integer, got -1.5",
        "$.population: must be >= 0, got -1.5",
        '$.tags[1]: must be equal to one of the allowed values, got "moon"',
        "… 1 more",
      ].join("; "),
    );
    const issues = (fb?.detail as { issues?: { path: string }[] } | undefined)?.issues;
    assert.deepEqual(issues?.at(-1), {
      path: "$.kind",
      message: 'must be equal to constant, got "town"',
    });
  });

  it("reports missing required properties and a non-JSON body", async () => {
    const missing = await scoreOf(schema, '{"city":"Paris"}');
    assert.equal(missing?.comment, "$.population: missing required property");
    const text = await scoreOf(schema, "Paris");
    assert.equal(text?.comment, '$: must be object, got "Paris"');
  });

  it("fails with no answer (empty trace)", async () => {
    const [fb] = await jsonSchema(schema).score(context());
    assert.deepEqual(fb, { key: "json_schema", score: false, comment: "no answer" });
  });
});

describe("jsonSchema (keywords a small validator would skip)", () => {
  it("checks formats", async () => {
    const contact = {
      type: "object",
      properties: {
        email: { type: "string", format: "email" },
        at: { type: "string", format: "date-time" },
        site: { type: "string", format: "uri" },
      },
    };
    const good = { email: "ada@example.org", at: "2026-12-06T12:00:00Z", site: "https://x.org" };
    assert.deepEqual(await problems(contact, good), []);
    assert.deepEqual(await problems(contact, { email: "ada", at: "yesterday", site: "x y" }), [
      '$.email: must match format "email", got "ada"',
      '$.at: must match format "date-time", got "yesterday"',
      '$.site: must match format "uri", got "x y"',
    ]);
  });

  it("checks dependentRequired", async () => {
    const payment = { type: "object", dependentRequired: { card: ["billing_address"] } };
    assert.deepEqual(await problems(payment, { cash: 1 }), []);
    assert.deepEqual(await problems(payment, { card: "4111", billing_address: "1 Main St" }), []);
    assert.deepEqual(await problems(payment, { card: "4111" }), [
      '$.billing_address: missing property required when "card" is present',
    ]);
  });

  it("checks if/then/else", async () => {
    const address = {
      type: "object",
      if: { properties: { country: { const: "US" } } },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, never awaited
      then: { properties: { postal: { pattern: "^[0-9]{5}$" } } },
      else: { properties: { postal: { pattern: "^[A-Z0-9 ]+$" } } },
    };
    assert.deepEqual(await problems(address, { country: "US", postal: "12345" }), []);
    assert.deepEqual(await problems(address, { country: "UK", postal: "SW1A 1AA" }), []);
    const us = await problems(address, { country: "US", postal: "SW1A 1AA" });
    assert.equal(us[0], '$.postal: must match pattern "^[0-9]{5}$", got "SW1A 1AA"');
    const uk = await problems(address, { country: "UK", postal: "12345-x" });
    assert.equal(uk[0], '$.postal: must match pattern "^[A-Z0-9 ]+$", got "12345-x"');
  });

  it("checks patternProperties", async () => {
    const headers = {
      type: "object",
      patternProperties: { "^x-": { type: "string" } },
      additionalProperties: false,
    };
    assert.deepEqual(await problems(headers, { "x-id": "7" }), []);
    assert.deepEqual(await problems(headers, { "x-id": 7, id: "7" }), [
      "$.id: unexpected property",
      '$["x-id"]: must be string, got 7',
    ]);
  });

  it("checks unevaluatedProperties across subschemas", async () => {
    const named = {
      allOf: [{ type: "object", properties: { name: { type: "string" } } }],
      properties: { age: { type: "integer" } },
      unevaluatedProperties: false,
    };
    assert.deepEqual(await problems(named, { name: "Ada", age: 36 }), []);
    assert.deepEqual(await problems(named, { name: "Ada", nickname: "A" }), [
      "$.nickname: unexpected property (no subschema allows it)",
    ]);
  });

  it("tells an array index from a key that looks like one", async () => {
    const nested = {
      type: "object",
      properties: {
        list: { type: "array", items: { type: "string" } },
        map: { type: "object", additionalProperties: { type: "string" } },
      },
    };
    assert.deepEqual(await problems(nested, { list: ["a", 1], map: { "1": 2 } }), [
      "$.list[1]: must be string, got 1",
      '$.map["1"]: must be string, got 2',
    ]);
  });
});

describe("jsonSchema (invalid schemas)", () => {
  const raised = async (schema: JsonSchemaObject, options = {}) => {
    const fb = await scoreOf(schema, { a: 1 }, options);
    assert.equal(fb?.score, null);
    return String(fb?.comment);
  };

  it("records a schema error on the task, naming what is wrong", async () => {
    assert.equal(
      await raised({ type: "strnig" }),
      "scorer raised: ScorerOptionsError: jsonSchema (key json_schema): the schema is not a " +
        "valid JSON Schema (draft 2020-12): schema is invalid: data/type must be equal to one of " +
        "the allowed values, data/type must be array, data/type must match a schema in anyOf",
    );
    assert.match(await raised({ type: "object", reqired: ["a"] }), /unknown keyword: "reqired"/);
    assert.match(await raised({ type: "string", format: "emial" }), /unknown format "emial"/);
  });

  it("accepts the annotation keywords it is told about", async () => {
    const annotated = { type: "object", "x-order": 1 };
    assert.match(await raised(annotated), /unknown keyword: "x-order"/);
    assert.deepEqual(await scoreOf(annotated, { a: 1 }, { annotations: ["x-order"] }), {
      key: "json_schema",
      score: true,
    });
  });

  it("throws from the factory on a schema that is not an object", () => {
    for (const [bad, got] of [
      [null, "null"],
      ["{}", "string"],
      [[], "an array"],
    ] as const) {
      assert.throws(
        () => jsonSchema(bad as unknown as JsonSchemaObject),
        (error: unknown) =>
          ScorerOptionsError.isInstance(error) &&
          error.message === `jsonSchema: expected a zod schema or a JSON Schema object, got ${got}`,
      );
    }
  });
});

describe("jsonSchema (compiling)", () => {
  it("keeps two schemas with one $id apart", async () => {
    const first = { $id: "https://example.org/answer", type: "string" };
    const second = { $id: "https://example.org/answer", type: "number" };
    assert.deepEqual(await problems(first, '"a"'), []);
    assert.deepEqual(await problems(second, "3"), []);
    assert.deepEqual(await problems(first, "3"), ["$: must be string, got 3"]);
  });

  it("grades concurrent first scores alike", async () => {
    const scorer = jsonSchema({ type: "object", required: ["a"] });
    const outputs = ['{"a":1}', "{}", '{"a":2}', "[]"];
    const results = await Promise.all(
      outputs.map((out) => scorer.score(context({ events: [answer(out)] }))),
    );
    assert.deepEqual(
      results.map(([fb]) => fb?.score),
      [true, false, true, false],
    );
    const later = scorer.score(context({ events: [answer('{"a":3}')] }));
    assert.deepEqual(await later, [{ key: "json_schema", score: true }]);
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
