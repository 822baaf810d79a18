/**
 * JSON text of `value` with every object's keys sorted, so two values equal as JSON give the
 * same text whatever order their keys were written in (a file round trip may reorder them).
 *
 * @example
 * ```ts
 * stableJson({ b: 1, a: [2] }) === stableJson({ a: [2], b: 1 }); // true
 * ```
 */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : v,
    ) ?? "undefined"
  );
}
