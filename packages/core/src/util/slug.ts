/**
 * Makes a variant name safe inside a run id (and so a file name): every character outside
 * `[A-Za-z0-9._-]` becomes `_`, as in the reference.
 *
 * @example
 * ```ts
 * slug("gpt-4o mini/v2"); // "gpt-4o_mini_v2"
 * ```
 */
export function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_");
}
