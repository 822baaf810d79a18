import { type Scorer, scorer } from "@ag2/eval-core";
import type { ZodType } from "zod";
import { compileJsonSchema, type SchemaCheck, type SchemaIssue } from "./internal/ajv-validator.js";
import { ScorerOptionsError } from "./scorer-options-error.js";

export type { SchemaIssue };

/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchemaObject = Readonly<Record<string, unknown>>;

/** Options of {@link jsonSchema}. */
export interface JsonSchemaOptions {
  /** Feedback key; default `json_schema`. */
  readonly key?: string;
  /**
   * Keywords the schema carries for other readers (`x-order`, `example`): allowed and ignored.
   * Any other unknown keyword makes the schema invalid.
   */
  readonly annotations?: readonly string[];
}

function isZod(schema: unknown): schema is ZodType {
  return (
    typeof schema === "object" &&
    schema !== null &&
    typeof (schema as { safeParse?: unknown }).safeParse === "function"
  );
}

function zodCheck(schema: ZodType): SchemaCheck {
  return (value) => {
    const result = schema.safeParse(value);
    if (result.success) return [];
    return result.error.issues.map((issue) => ({
      path: issue.path.reduce<string>(
        (at, part) => (typeof part === "number" ? `${at}[${part}]` : `${at}.${String(part)}`),
        "$",
      ),
      message: issue.message,
    }));
  };
}

/**
 * Passes when the output validates against a schema: a zod schema, or a JSON Schema object
 * checked by Ajv against draft 2020-12 with every keyword (`format`, `dependentRequired`,
 * `if`/`then`/`else`, `unevaluatedProperties`, `$ref`, …). Ajv is loaded on the first score,
 * not at import. An unknown keyword or format makes the schema invalid (a misspelt keyword
 * would otherwise pass everything): the first score then throws a {@link ScorerOptionsError}
 * naming it, recorded as an error on each task. The parsed JSON output (`outputs.content`) is
 * validated, or the raw body when the output did not parse. Key `json_schema`; boolean score;
 * the comment names the first five failing paths (`$.price: must be number, got "3"`) and
 * `detail.issues` lists all of them.
 *
 * Use when the agent must return structured output other code consumes.
 * Avoid when only one field's value matters; use {@link finalAnswerMatches} or
 * {@link exactMatch} with `field`.
 *
 * @example
 * ```ts
 * const scorers = [
 *   jsonSchema({
 *     type: "object",
 *     required: ["answer", "email"],
 *     properties: { answer: { type: "string" }, email: { type: "string", format: "email" } },
 *     unevaluatedProperties: false,
 *   }),
 * ];
 * ```
 */
export function jsonSchema(
  schema: ZodType | JsonSchemaObject,
  options: JsonSchemaOptions = {},
): Scorer {
  const key = options.key ?? "json_schema";
  if (
    typeof schema !== "boolean" &&
    (typeof schema !== "object" || schema === null || Array.isArray(schema))
  ) {
    const got = schema === null ? "null" : Array.isArray(schema) ? "an array" : typeof schema;
    throw new ScorerOptionsError(
      `jsonSchema: expected a zod schema or a JSON Schema object, got ${got}`,
    );
  }
  // zod checks at once; a JSON Schema is compiled by the first score, after which scoring
  // stays synchronous (the scorer helper grades a plain return without a promise)
  let ready: SchemaCheck | undefined = isZod(schema) ? zodCheck(schema) : undefined;
  let pending: Promise<SchemaCheck> | undefined;
  const grade = (check: SchemaCheck, value: unknown) => {
    const issues = check(value);
    if (issues.length === 0) return { key, score: true };
    const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
    if (issues.length > 5) shown.push(`… ${issues.length - 5} more`);
    return { key, score: false, comment: shown.join("; "), detail: { issues } };
  };
  return scorer(
    ({ outputs }) => {
      const value = outputs.content !== undefined ? outputs.content : outputs.body;
      if (value === undefined) return { key, score: false, comment: "no answer" };
      if (ready) return grade(ready, value);
      pending ??= compileJsonSchema(schema, { label: `jsonSchema (key ${key})`, ...options });
      return pending.then((check) => {
        ready = check;
        return grade(check, value);
      });
    },
    { key },
  );
}
