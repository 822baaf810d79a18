/**
 * A small JSON Schema validator for the keywords structured outputs use: type, const, enum,
 * numeric bounds and multipleOf, string length and pattern, items, minItems, maxItems,
 * uniqueItems, properties, required, additionalProperties, minProperties, maxProperties,
 * allOf, anyOf, oneOf, not, and local `$ref`s (`#`, `#/$defs/…`, `#/definitions/…`). `format`
 * is an annotation (as JSON Schema 2020-12 says by default); other keywords are ignored, so a
 * schema relying on them validates more loosely than a full validator would.
 */
import { deepEqual } from "./deep-equal.js";

/** One failing location: a JSONPath-like path (`$.items[2].name`) and what was wrong. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

export type JsonSchemaObject = Readonly<Record<string, unknown>>;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === "number") return actual === "number" || actual === "integer";
  return actual === type;
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function isSchema(value: unknown): value is JsonSchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Schemas applied to the same value in a row (through `$ref`s and combinators) before giving
 * up: a schema referring to itself without consuming input. Descending into an item or a
 * property starts the count again, so a deep but finite document is never cut off.
 */
const MAX_DEPTH = 100;
/** Schema checks one validation may make: `anyOf`/`oneOf` over `$ref`s can multiply them. */
const MAX_STEPS = 200_000;

/** Validates `value` against `schema`; an empty list means it is valid. */
export function validateJsonSchema(schema: unknown, value: unknown, path = "$"): SchemaIssue[] {
  const budget = { steps: 0 };
  const issues = validate(schema, value, path, { root: schema, depth: 0, budget });
  if (budget.steps > MAX_STEPS) {
    return [
      { path, message: `the schema needs over ${MAX_STEPS} checks for this value; not checked` },
    ];
  }
  return issues;
}

interface Scope {
  readonly root: unknown;
  /** Schemas applied to this same value so far. */
  readonly depth: number;
  readonly budget: { steps: number };
}

/** Resolves a local JSON pointer (`#/$defs/Item`, with `~1` for `/` and `~0` for `~`). */
function resolveRef(ref: string, root: unknown): { schema: unknown } | null {
  if (ref === "#") return { schema: root };
  if (!ref.startsWith("#/")) return null;
  let at: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isSchema(at) || !Object.hasOwn(at, key)) return null;
    at = at[key];
  }
  return { schema: at };
}

function validate(schema: unknown, value: unknown, path: string, scope: Scope): SchemaIssue[] {
  // past the budget every check is cut short; the caller reports the whole value as unchecked
  if (++scope.budget.steps > MAX_STEPS) return [];
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [{ path, message: "no value is allowed here" }];
  if (!isSchema(schema)) return [];
  const issues: SchemaIssue[] = [];
  const add = (message: string, at = path): void => {
    issues.push({ path: at, message });
  };
  const { root, budget } = scope;
  // the same value under another schema: one step deeper; an item or property: a fresh count
  const sub = (child: unknown, item: unknown, at: string): SchemaIssue[] =>
    validate(child, item, at, { root, depth: item === value ? scope.depth + 1 : 0, budget });
  if (typeof schema.$ref === "string") {
    const target = resolveRef(schema.$ref, scope.root);
    if (!target) add(`cannot resolve $ref ${schema.$ref} (only local "#/..." references are read)`);
    else if (scope.depth >= MAX_DEPTH) {
      add(`$ref ${schema.$ref} applies more than ${MAX_DEPTH} schemas to one value (a cycle?)`);
    } else issues.push(...sub(target.schema, value, path));
  }
  issues.push(...combinators(schema, value, path, sub));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type)];
    if (!types.some((type) => hasType(value, type))) {
      add(`expected ${types.join(" or ")}, got ${typeOf(value)}`);
      return issues;
    }
  }
  if (schema.const !== undefined && !deepEqual(schema.const, value)) {
    add(`expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value))) {
    add(`expected one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(value)}`);
  }
  if (typeof value === "number") {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
    if (typeof minimum === "number" && value < minimum) add(`expected >= ${minimum}, got ${value}`);
    if (typeof maximum === "number" && value > maximum) add(`expected <= ${maximum}, got ${value}`);
    if (typeof exclusiveMinimum === "number" && value <= exclusiveMinimum) {
      add(`expected > ${exclusiveMinimum}, got ${value}`);
    }
    if (typeof exclusiveMaximum === "number" && value >= exclusiveMaximum) {
      add(`expected < ${exclusiveMaximum}, got ${value}`);
    }
    const { multipleOf } = schema;
    if (typeof multipleOf === "number" && multipleOf > 0 && !isMultiple(value, multipleOf)) {
      add(`expected a multiple of ${multipleOf}, got ${value}`);
    }
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof schema.minLength === "number" && length < schema.minLength) {
      add(`expected at least ${schema.minLength} characters, got ${length}`);
    }
    if (typeof schema.maxLength === "number" && length > schema.maxLength) {
      add(`expected at most ${schema.maxLength} characters, got ${length}`);
    }
    if (typeof schema.pattern === "string") {
      const regex = compiled(schema.pattern);
      if (!regex) add(`the schema's pattern /${schema.pattern}/ is not a valid regular expression`);
      else if (!regex.test(value)) {
        add(`expected to match /${schema.pattern}/, got ${JSON.stringify(value)}`);
      }
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) {
      add(`expected at least ${schema.minItems} items, got ${value.length}`);
    }
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) {
      add(`expected at most ${schema.maxItems} items, got ${value.length}`);
    }
    if (schema.uniqueItems === true) {
      const twin = value.findIndex((item, index) =>
        value.slice(0, index).some((earlier) => deepEqual(earlier, item)),
      );
      if (twin >= 0) add("expected unique items, got a repeat", `${path}[${twin}]`);
    }
    if (schema.items !== undefined) {
      value.forEach((item, index) => {
        issues.push(...sub(schema.items, item, `${path}[${index}]`));
      });
    }
  }
  if (typeOf(value) === "object") {
    const record = value as Record<string, unknown>;
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const count = Object.keys(record).length;
    if (typeof schema.minProperties === "number" && count < schema.minProperties) {
      add(`expected at least ${schema.minProperties} properties, got ${count}`);
    }
    if (typeof schema.maxProperties === "number" && count > schema.maxProperties) {
      add(`expected at most ${schema.maxProperties} properties, got ${count}`);
    }
    if (Array.isArray(schema.required)) {
      for (const name of schema.required as string[]) {
        if (!Object.hasOwn(record, name)) add("missing required property", childPath(path, name));
      }
    }
    for (const [name, item] of Object.entries(record)) {
      const at = childPath(path, name);
      if (Object.hasOwn(properties, name)) {
        issues.push(...sub(properties[name], item, at));
      } else if (schema.additionalProperties === false) {
        add("unexpected property", at);
      } else if (isSchema(schema.additionalProperties)) {
        issues.push(...sub(schema.additionalProperties, item, at));
      }
    }
  }
  return issues;
}

type Sub = (child: unknown, item: unknown, at: string) => SchemaIssue[];

/** allOf, anyOf, oneOf and not; a failing branch is summarized, not listed issue by issue. */
function combinators(schema: JsonSchemaObject, value: unknown, path: string, sub: Sub) {
  const issues: SchemaIssue[] = [];
  if (Array.isArray(schema.allOf)) {
    for (const branch of schema.allOf) issues.push(...sub(branch, value, path));
  }
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((b) => sub(b, value, path).length === 0)) {
    issues.push({
      path,
      message: `expected to match at least one of ${schema.anyOf.length} schemas (anyOf)`,
    });
  }
  if (Array.isArray(schema.oneOf)) {
    const passing = schema.oneOf.filter((b) => sub(b, value, path).length === 0).length;
    if (passing !== 1) {
      issues.push({
        path,
        message: `expected to match exactly one of ${schema.oneOf.length} schemas (oneOf), matched ${passing}`,
      });
    }
  }
  if (schema.not !== undefined && sub(schema.not, value, path).length === 0) {
    issues.push({ path, message: "expected not to match the schema under not" });
  }
  return issues;
}

function isMultiple(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  // 0.3 / 0.1 is 2.9999999999999996: accept what is within rounding of a whole number
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

const PATTERNS = new Map<string, RegExp | null>();

/** JSON Schema patterns are ECMA-262 regexes, unanchored; null when the schema's pattern does not compile. */
function compiled(pattern: string): RegExp | null {
  let regex = PATTERNS.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, "u");
    } catch {
      regex = null;
    }
    // schemas are few: the cap only guards against patterns built per call
    if (PATTERNS.size < 1000) PATTERNS.set(pattern, regex);
  }
  return regex;
}
