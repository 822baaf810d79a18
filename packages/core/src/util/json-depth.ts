/**
 * How deep suite records, run files, agent outputs and saved values may nest. Reading,
 * printing and writing JSON recurse once per level and, on Node 20's default stack, fail
 * between 4,000 and 5,000 levels; 512 leaves a wide margin, and real data rarely passes a few
 * dozen.
 */
export const MAX_JSON_DEPTH = 512;

/**
 * How deep a saved run file or journal line may nest: a value within {@link MAX_JSON_DEPTH}
 * sits a few levels down in the file (run, `tasks`, task, field, event), so files get room for
 * that wrapping.
 */
export const MAX_FILE_DEPTH = MAX_JSON_DEPTH + 8;

/** Where a value nests past a limit. */
export interface DepthProblem {
  /** Path of the first array or object past the limit, e.g. `inputs.x[0][0]`, cut in the middle when long. */
  readonly path: string;
  /** The limit that was passed. */
  readonly limit: number;
}

interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly parent: Frame | null;
  readonly key: string | number | null;
}

const SHOWN_STEPS = 12;

/**
 * Checks, without recursion (so no depth can overflow the stack), that `value` nests at most
 * `limit` arrays or objects deep: a scalar is depth 0, `{}` is 1, `{ a: [1] }` is 2. Returns
 * where the first too-deep container is, or `null`. A cycle counts as too deep.
 *
 * @example
 * ```ts
 * depthProblem({ a: [[1]] }, { limit: 2 }); // { path: "a[0]", limit: 2 }
 * depthProblem({ a: [1] }); // null (the default limit is MAX_JSON_DEPTH)
 * ```
 */
export function depthProblem(
  value: unknown,
  options: { readonly limit?: number; readonly path?: string } = {},
): DepthProblem | null {
  const limit = options.limit ?? MAX_JSON_DEPTH;
  // the common case, within the limit, costs one cheap walk; the path is found only on failure
  if (jsonDepth(value, limit) <= limit) return null;
  const stack: Frame[] = [{ value: value as object, depth: 1, parent: null, key: null }];
  const deepest = new Map<object, number>();
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.depth > limit) return { path: pathOf(frame, options.path ?? ""), limit };
    if ((deepest.get(frame.value) ?? 0) >= frame.depth) continue;
    deepest.set(frame.value, frame.depth);
    const children: Iterable<[string | number, unknown]> = Array.isArray(frame.value)
      ? frame.value.entries()
      : Object.entries(frame.value);
    for (const [key, child] of children) {
      if (typeof child === "object" && child !== null) {
        stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return null;
}

/**
 * How deep `value` nests (0 for a scalar, `{}` is 1), counted without recursion; a cycle or
 * anything past `limit` gives `limit + 1`.
 *
 * @example
 * ```ts
 * jsonDepth({ a: [1, { b: 2 }] }); // 3
 * ```
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  if (typeof value !== "object" || value === null) return 0;
  // parsed JSON shares nothing, so a walk without a memo is exact and several times faster;
  // only a value with shared parts can exhaust the budget, and is then walked with the memo
  return walk(value, limit, null) ?? (walk(value, limit, new Map()) as number);
}

const VISIT_BUDGET = 1_000_000;

/** The depth, `limit + 1` past it, or `null` when the walk without a memo ran out of budget. */
function walk(value: object, limit: number, deepest: Map<object, number> | null): number | null {
  let max = 0;
  let visits = 0;
  const items: object[] = [value];
  const depths: number[] = [1];
  while (items.length > 0) {
    const item = items.pop() as object;
    const depth = depths.pop() as number;
    if (depth > limit) return limit + 1;
    if (deepest) {
      // walked again only when reached deeper than before; a cycle ends past the limit
      if ((deepest.get(item) ?? 0) >= depth) continue;
      deepest.set(item, depth);
    } else if (++visits > VISIT_BUDGET) return null;
    if (depth > max) max = depth;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (let i = 0; i < children.length; i++) {
      const child: unknown = children[i];
      if (typeof child === "object" && child !== null) {
        items.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return max;
}

function step(key: string | number): string {
  if (typeof key === "number") return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function pathOf(frame: Frame, prefix: string): string {
  const steps: string[] = [];
  for (let at: Frame | null = frame; at?.key != null; at = at.parent) steps.push(step(at.key));
  steps.reverse();
  const shown =
    steps.length <= SHOWN_STEPS * 2
      ? steps.join("")
      : `${steps.slice(0, SHOWN_STEPS).join("")}…(${steps.length - SHOWN_STEPS * 2} more)…${steps.slice(-SHOWN_STEPS).join("")}`;
  const path = `${prefix}${shown}`;
  return path.startsWith(".") ? path.slice(1) : path;
}
