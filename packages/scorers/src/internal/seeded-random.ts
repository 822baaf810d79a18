/**
 * mulberry32: a small seeded PRNG returning floats in [0, 1). Seeds give a stable sequence
 * here but do not reproduce Python's `random.Random(seed)`; without a seed it uses Math.random.
 */
export function seededRandom(seed?: number | null): () => number {
  if (seed === undefined || seed === null) return Math.random;
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
