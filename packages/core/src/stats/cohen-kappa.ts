/**
 * Cohen's κ of two raters over the same items: observed agreement corrected for the agreement
 * expected from each rater's label frequencies. 0 with no items; 1 when chance agreement is
 * already certain (both raters always use the same single label).
 *
 * @example
 * ```ts
 * cohenKappa([["b", "b"], ["b", "tie"], ["a", "a"], ["tie", "tie"]]); // ≈ 0.63636
 * ```
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number {
  const n = pairs.length;
  if (n === 0) return 0;
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    left.set(x, (left.get(x) ?? 0) + 1);
    right.set(y, (right.get(y) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [label, count] of left) expected += (count / n) * ((right.get(label) ?? 0) / n);
  if (expected >= 1) return 1;
  return (observed - expected) / (1 - expected);
}
