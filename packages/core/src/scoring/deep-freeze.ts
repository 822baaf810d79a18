/** Objects already frozen all the way down: a task's inputs shared by its repeats are walked once. */
const deepFrozen = new WeakSet<object>();

/**
 * Freezes `value` and everything reachable from it through own properties, so scorers read
 * the record without being able to change it (in strict-mode code, which every ES module and
 * TypeScript file is, a write then throws a TypeError). Private fields of class instances stay
 * writable (a trace's cached token totals). Typed arrays, maps and sets are left as they are
 * (they cannot be frozen). Walks with a stack, not recursion: a deeply nested value cannot
 * overflow it.
 *
 * @example
 * ```ts
 * const inputs = deepFreeze({ question: { text: "hi" } });
 * ```
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== "object" || next === null || deepFrozen.has(next)) continue;
    deepFrozen.add(next);
    if (ArrayBuffer.isView(next) || next instanceof Map || next instanceof Set) continue;
    try {
      Object.freeze(next);
      for (const key of Reflect.ownKeys(next)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(next, key);
        if (descriptor && "value" in descriptor) stack.push(descriptor.value);
      }
    } catch {
      // an exotic object (a Proxy whose traps throw) stays as it is
    }
  }
  return value;
}
