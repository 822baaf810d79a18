/**
 * A small JSON Schema validator for the common keywords: type, properties, required, items,
 * enum, const, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength,
 * additionalProperties. Other keywords ($ref, oneOf, pattern, format, …) are ignored, so a
 * schema using them validates more loosely than a full validator would.
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

/** Validates `value` against `schema`; an empty list means it is valid. */
export function validateJsonSchema(schema: unknown, value: unknown, path = "$"): SchemaIssue[] {
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [{ path, message: "no value is allowed here" }];
  if (!isSchema(schema)) return [];
  const issues: SchemaIssue[] = [];
  const add = (message: string, at = path): void => {
    issues.push({ path: at, message });
  };
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
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof schema.minLength === "number" && length < schema.minLength) {
      add(`expected at least ${schema.minLength} characters, got ${length}`);
    }
    if (typeof schema.maxLength === "number" && length > schema.maxLength) {
      add(`expected at most ${schema.maxLength} characters, got ${length}`);
    }
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, index) => {
      issues.push(...validateJsonSchema(schema.items, item, `${path}[${index}]`));
    });
  }
  if (typeOf(value) === "object") {
    const record = value as Record<string, unknown>;
    const properties = isSchema(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const name of schema.required as string[]) {
        if (!Object.hasOwn(record, name)) add("missing required property", childPath(path, name));
      }
    }
    for (const [name, item] of Object.entries(record)) {
      const at = childPath(path, name);
      if (Object.hasOwn(properties, name)) {
        issues.push(...validateJsonSchema(properties[name], item, at));
      } else if (schema.additionalProperties === false) {
        add("unexpected property", at);
      } else if (isSchema(schema.additionalProperties)) {
        issues.push(...validateJsonSchema(schema.additionalProperties, item, at));
      }
    }
  }
  return issues;
}
