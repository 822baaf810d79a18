import { type Scorer, scorer } from "@ag2/eval-core";
import type { ZodType } from "zod";
import {
  type JsonSchemaObject,
  type SchemaIssue,
  validateJsonSchema,
} from "./internal/json-schema-validator.js";

export type { JsonSchemaObject, SchemaIssue };

function isZod(schema: unknown): schema is ZodType {
  return (
    typeof schema === "object" &&
    schema !== null &&
    typeof (schema as { safeParse?: unknown }).safeParse === "function"
  );
}

function zodIssues(schema: ZodType, value: unknown): SchemaIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (at, part) => (typeof part === "number" ? `${at}[${part}]` : `${at}.${String(part)}`),
      "$",
    ),
    message: issue.message,
  }));
}

/**
 * Passes when the output validates against a schema: a zod schema, or a JSON Schema object
 * checked by a small built-in validator (type, const, enum, numeric bounds, multipleOf,
 * minLength/maxLength, pattern, items, minItems/maxItems, uniqueItems, properties, required,
 * additionalProperties, min/maxProperties, allOf/anyOf/oneOf/not and local `$ref`s; `format`
 * is an annotation and other keywords are ignored). The parsed JSON output (`outputs.content`) is validated, or the raw body when
 * the output did not parse. Key `json_schema`; boolean score; the comment lists the failing
 * paths (`$.price: expected number, got string`) and `detail.issues` all of them.
 *
 * Use when the agent must return structured output other code consumes.
 * Avoid when only one field's value matters; use {@link finalAnswerMatches} or
 * {@link exactMatch} with `field`.
 *
 * @example
 * ```ts
 * const scorers = [jsonSchema({ type: "object", required: ["answer"], properties: { answer: { type: "string" } } })];
 * ```
 */
export function jsonSchema(
  schema: ZodType | JsonSchemaObject,
  options: { key?: string } = {},
): Scorer {
  const key = options.key ?? "json_schema";
  return scorer(
    ({ outputs }) => {
      const value = outputs.content !== undefined ? outputs.content : outputs.body;
      if (value === undefined) return { key, score: false, comment: "no answer" };
      const issues = isZod(schema) ? zodIssues(schema, value) : validateJsonSchema(schema, value);
      if (issues.length === 0) return { key, score: true };
      const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
      if (issues.length > 5) shown.push(`… ${issues.length - 5} more`);
      return { key, score: false, comment: shown.join("; "), detail: { issues } };
    },
    { key },
  );
}
