import { seededRandom as seeded } from "@ag2/eval-core/stats";

/**
 * Core's seeded generator when a seed is given, `Math.random` otherwise: blinding without a
 * seed should differ from run to run. Seeds do not reproduce Python's `random.Random(seed)`.
 */
export function seededRandom(seed?: number | null): () => number {
  return seed === undefined || seed === null ? Math.random : seeded(seed);
}
