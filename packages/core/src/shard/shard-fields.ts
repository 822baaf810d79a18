import type { ShardSpec } from "./shard-spec.js";

/**
 * What a shard's run file records under its `shard` key: which shard it is, and what a merge
 * needs to rebuild the whole run in suite order (the suite positions of its tasks, the repeats
 * and the scorers).
 */
export interface ShardFields extends ShardSpec {
  readonly repeats: number;
  readonly scorers: readonly string[];
  /** Suite position of each of the shard's tasks before repeats, in run order. */
  readonly positions: readonly number[];
}

/** The extra run-file keys of a shard's run: `shard` and `suite_fingerprint`. */
export function shardRunFields(
  fields: ShardFields,
  fingerprint: string,
): Readonly<Record<string, unknown>> {
  return {
    shard: {
      index: fields.index,
      count: fields.count,
      repeats: fields.repeats,
      scorers: [...fields.scorers],
      positions: [...fields.positions],
    },
    suite_fingerprint: fingerprint,
  };
}

/** The shard fields of a run's extra keys, or null when the run is not a shard (or they are malformed). */
export function readShardFields(
  extra: Readonly<Record<string, unknown>>,
): { shard: ShardFields; fingerprint: string } | null {
  const shard = extra.shard as Partial<Record<keyof ShardFields, unknown>> | undefined;
  const fingerprint = extra.suite_fingerprint;
  if (typeof shard !== "object" || shard === null || typeof fingerprint !== "string") return null;
  const { index, count, repeats, scorers, positions } = shard;
  const whole = (value: unknown): value is number => Number.isInteger(value);
  if (
    !whole(index) ||
    !whole(count) ||
    !whole(repeats) ||
    !Array.isArray(scorers) ||
    !scorers.every((key) => typeof key === "string") ||
    !Array.isArray(positions) ||
    !positions.every(whole)
  ) {
    return null;
  }
  return { shard: { index, count, repeats, scorers, positions }, fingerprint };
}
