/*
 * Small validators for JSON read back from run files and journals. They replace zod on the
 * load path because importing zod costs ~95 ES modules at start-up, and they must
 * accept, reject and describe exactly what the zod schemas in run-file-schema.ts do: the
 * agreement test (run-file-check.test.ts) runs both over the same documents.
 *
 * A check returns nothing for an acceptable value, or the first problem: zod reports issues in
 * the schema's key order and the reader shows the first, so a check stops at the first one.
 * Inputs are JSON values (JSON.parse output), so symbol keys and getters are not considered.
 */

/** The first problem a {@link Check} found: its path below the checked value, and what was expected there. */
export interface Problem {
  readonly path: (string | number)[];
  readonly expected: string;
}

/** Returns `undefined` when `value` is acceptable, otherwise the first {@link Problem}. */
export type Check = (value: unknown) => Problem | undefined;

const problem = (expected: string): Problem => ({ path: [], expected });

/** zod's test for `z.object`: anything object-like except null and arrays. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** zod's test for `z.record`: stricter than {@link isObject} about odd prototypes. */
function isPlainObject(value: unknown): boolean {
  if (!isObject(value)) return false;
  const ctor = value.constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, "isPrototypeOf");
}

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** A string. */
export const string =
  (expected: string): Check =>
  (value) =>
    typeof value === "string" ? undefined : problem(expected);

/** A boolean. */
export const boolean =
  (expected: string): Check =>
  (value) =>
    typeof value === "boolean" ? undefined : problem(expected);

/** A finite number (zod rejects NaN and ±Infinity), optionally `>= min`, which reports the same `expected`. */
export const number =
  (expected: string, min = Number.NEGATIVE_INFINITY): Check =>
  (value) =>
    isNumber(value) && value >= min ? undefined : problem(expected);

/** A count: a safe integer >= 0. Not an integer (or beyond 2^53) is `integer`; anything else is `expected`. */
export const count =
  (expected: string, integer: string): Check =>
  (value) => {
    if (!isNumber(value)) return problem(expected);
    if (!Number.isSafeInteger(value)) return problem(integer);
    return value >= 0 ? undefined : problem(expected);
  };

/** One of a few literal values (`z.enum`, `z.literal`). */
export const oneOf =
  (values: readonly unknown[], expected: string): Check =>
  (value) =>
    values.includes(value) ? undefined : problem(expected);

/** Either of two checks; a value both reject is reported as `expected` (`z.union`). */
export const either =
  (first: Check, second: Check, expected: string): Check =>
  (value) =>
    first(value) === undefined || second(value) === undefined ? undefined : problem(expected);

/** Anything at all, even nothing (`z.unknown`). */
export const anything: Check = () => undefined;

/** `undefined` (a missing key) is fine too. */
export const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined ? undefined : check(value);

/** `null` is fine too. */
export const nullable =
  (check: Check): Check =>
  (value) =>
    value === null ? undefined : check(value);

/** A plain object with string keys and any values (`z.record(z.string(), z.unknown())`). */
export const record =
  (expected: string): Check =>
  (value) =>
    isPlainObject(value) ? undefined : problem(expected);

/** A plain object whose values all pass `item` (zod's `z.record`); the path starts with the key. */
export const recordOf =
  (item: Check, expected: string): Check =>
  (value) => {
    if (!isPlainObject(value)) return problem(expected);
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      const found = item(entry);
      if (found) return { path: [key, ...found.path], expected: found.expected };
    }
    return undefined;
  };

/** An array whose items all pass `item`; the problem's path starts with the item's index. */
export const array =
  (item: Check, expected: string): Check =>
  (value) => {
    if (!Array.isArray(value)) return problem(expected);
    for (let index = 0; index < value.length; index++) {
      const found = item(value[index]);
      if (found) {
        found.path.unshift(index);
        return found;
      }
    }
    return undefined;
  };

/**
 * A loose object (`z.looseObject`): its keys are checked in the order given, which is the
 * order zod reports them in; keys not named are ignored.
 */
export const object = (shape: Readonly<Record<string, Check>>, expected = "object"): Check => {
  const entries = Object.entries(shape);
  return (value) => {
    if (!isObject(value)) return problem(expected);
    for (const [key, check] of entries) {
      const found = check(value[key]);
      if (found) {
        found.path.unshift(key);
        return found;
      }
    }
    return undefined;
  };
};

/**
 * A loose object chosen by its `type` (`z.discriminatedUnion("type", …)`); an unknown type or a
 * non-object is reported as `expected`.
 */
export const byType = (
  variants: Readonly<Record<string, Check>>,
  expected = "a known event type",
): Check => {
  const table = new Map(Object.entries(variants));
  return (value) => {
    const variant = isObject(value) ? table.get(value.type as string) : undefined;
    return variant ? variant(value) : problem(expected);
  };
};
