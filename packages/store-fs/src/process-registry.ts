/**
 * A set shared by every copy of this package loaded in the process (two versions side by
 * side, or a bundle beside its source): what one copy holds, another must not judge stale.
 */
export function processRegistry(name: string): Set<string> {
  const key = Symbol.for(`@ag2/eval-store-fs:${name}`);
  const holder = globalThis as { [key: symbol]: Set<string> | undefined };
  let set = holder[key];
  if (set === undefined) {
    set = new Set<string>();
    holder[key] = set;
  }
  return set;
}
