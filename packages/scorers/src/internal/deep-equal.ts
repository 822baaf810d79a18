/** Structural equality of JSON-like values, as Python's `==` on dicts, lists and scalars. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b) || a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}

/** True when every key of `expected` is in `actual` with an equal value (recursively for objects). */
export function partialMatch(expected: unknown, actual: unknown): boolean {
  if (
    typeof expected !== "object" ||
    expected === null ||
    Array.isArray(expected) ||
    typeof actual !== "object" ||
    actual === null ||
    Array.isArray(actual)
  ) {
    return deepEqual(expected, actual);
  }
  const have = actual as Record<string, unknown>;
  return Object.entries(expected as Record<string, unknown>).every(
    ([key, value]) => Object.hasOwn(have, key) && partialMatch(value, have[key]),
  );
}
