/**
 * Freezes `value` and everything reachable from it through own enumerable properties, so
 * scorers read the record without being able to change it (in strict-mode code, which every
 * ES module and TypeScript file is, a write then throws a TypeError). An object already frozen
 * is taken as frozen all the way down and not walked again (what makes a cycle, or a task's
 * inputs shared by its repeats, cost nothing more); pass the children of a shallowly frozen
 * container separately. Typed arrays, maps and sets are left as they are (they cannot be
 * frozen). Walks with a stack, not recursion: a deeply nested value cannot overflow it.
 *
 * @example
 * ```ts
 * const inputs = deepFreeze({ question: { text: "hi" } });
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  const stack: object[] = [value];
  while (stack.length > 0) {
    const next = stack.pop() as object;
    if (ArrayBuffer.isView(next) || next instanceof Map || next instanceof Set) continue;
    try {
      Object.freeze(next);
      for (const key of Object.keys(next)) {
        const child = (next as Record<string, unknown>)[key];
        if (typeof child === "object" && child !== null && !Object.isFrozen(child)) {
          stack.push(child);
        }
      }
    } catch {
      // an exotic object (a Proxy whose traps throw, a getter that throws) stays as it is
    }
  }
  return value;
}
