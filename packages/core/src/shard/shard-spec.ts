import { InvalidOptionError } from "../errors/invalid-option-error.js";

/**
 * One shard of a suite: `index` is 1-based (`1…count`), as on the command line (`--shard 2/8`),
 * so the same numbers name a shard everywhere.
 */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/**
 * Checks a shard option: integers with `1 <= index <= count`. Throws an `InvalidOptionError`
 * saying what was got and what was expected.
 *
 * @example
 * ```ts
 * checkShard({ index: 2, count: 8 }, "runAgent"); // { index: 2, count: 8 }
 * ```
 */
export function checkShard(shard: unknown, caller: string): ShardSpec {
  const { index, count } = (shard ?? {}) as { index?: unknown; count?: unknown };
  const got =
    typeof shard === "object" && shard !== null
      ? `{ index: ${String(index)}, count: ${String(count)} }`
      : String(shard);
  if (!(Number.isInteger(count) && (count as number) >= 1)) {
    throw new InvalidOptionError(
      "shard",
      `${caller}: option 'shard' needs 'count', a whole number of shards >= 1; got ${got}`,
    );
  }
  if (
    !(Number.isInteger(index) && (index as number) >= 1 && (index as number) <= (count as number))
  ) {
    throw new InvalidOptionError(
      "shard",
      `${caller}: option 'shard' needs 'index' from 1 to ${String(count)} (shards are numbered from 1); got ${got}`,
    );
  }
  return { index: index as number, count: count as number };
}

/**
 * Parses a shard as written on a command line, `<index>/<count>` with `index` from 1.
 *
 * @example
 * ```ts
 * parseShardSpec("2/8"); // { index: 2, count: 8 }
 * parseShardSpec("0/8"); // throws InvalidOptionError: index from 1 to 8
 * ```
 */
export function parseShardSpec(text: string, caller = "--shard"): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) {
    throw new InvalidOptionError(
      "shard",
      `${caller}: expected <index>/<count> such as 2/8 (shards are numbered from 1); got '${text}'`,
    );
  }
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (!(count >= 1 && index >= 1 && index <= count)) {
    throw new InvalidOptionError(
      "shard",
      `${caller}: expected <index>/<count> with 1 <= index <= count (shards are numbered from 1); got '${text}'`,
    );
  }
  return { index, count };
}
