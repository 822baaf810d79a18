/**
 * A seeded pseudo-random generator returning floats in [0, 1).
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // the same sequence for the same seed, on every machine
 * ```
 */
export type Random = () => number;

/**
 * Mulberry32: tiny, fast and good enough for resampling. Statistics must be reproducible in
 * CI, so nothing here ever calls `Math.random`.
 *
 * @example
 * ```ts
 * const random = seededRandom(0);
 * const index = Math.floor(random() * 10);
 * ```
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
