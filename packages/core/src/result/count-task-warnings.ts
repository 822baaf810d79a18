/**
 * Folds the warnings each task's tracing reported into one line per distinct warning, in
 * first-seen order, with `(in N tasks)` appended when more than one task reported it: a
 * span processor that fails on every one of 10,000 tasks makes one line, not 10,000.
 * A task naming the same warning twice counts once.
 *
 * @example
 * ```ts
 * countTaskWarnings([["processor failed"], ["processor failed"], undefined]);
 * // ["processor failed (in 2 tasks)"]
 * ```
 */
export function countTaskWarnings(perTask: Iterable<readonly string[] | undefined>): string[] {
  const counts = new Map<string, number>();
  for (const warnings of perTask) {
    for (const warning of new Set(warnings ?? [])) {
      counts.set(warning, (counts.get(warning) ?? 0) + 1);
    }
  }
  return [...counts].map(([warning, count]) =>
    count === 1 ? warning : `${warning} (in ${count} tasks)`,
  );
}
