import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { BadInputRow } from "./bad-input-row.js";
import { cli, cliRow, project, RUN } from "./cli-rows.js";

/**
 * Runs shard `index`/`count` of the project's suite, from its own project folder `<dir>/prep`,
 * into `<dir>/shards` (not the seeded store).
 */
async function runShard(dir: string, index: number, count: number): Promise<void> {
  const prep = `${dir}/prep`;
  await mkdir(prep, { recursive: true });
  if (!existsSync(`${prep}/node_modules`)) await project(prep);
  const run = await cli(
    [...RUN(`${dir}/shards`), "--shard", `${index}/${count}`, "--run-id", `s${index}`],
    prep,
  );
  if (run.code !== 0) throw new Error(`shard ${index}/${count} failed: ${run.stderr}`);
}

function mergeRow(
  name: string,
  shards: readonly [number, number][],
  ids: readonly string[],
  message: RegExp[],
): BadInputRow {
  const row = cliRow(
    name,
    ({ dir }) => ["merge", ...ids, "--run-id", "merged", "--store", `${dir}/shards`],
    {
      code: 2,
      message,
    },
  );
  return {
    ...row,
    async setup(context) {
      for (const [index, count] of shards) await runShard(context.dir, index, count);
    },
  };
}

/** Bad shard specs on `run --shard`, and merges `ag2-eval merge` must refuse. */
export const SHARD_ROWS: readonly BadInputRow[] = [
  ...["0/8", "9/8", "a/b"].map((spec) =>
    cliRow(`--shard ${spec}`, ({ storeDir }) => RUN(storeDir, "--shard", spec), {
      code: 2,
      message: [new RegExp(`--shard: expected <index>/<count>.*got '${spec}'`)],
    }),
  ),
  mergeRow("merge a run with itself", [[1, 1]], ["s1", "s1"], [/run s1 is given twice/]),
  mergeRow("merge with a shard missing", [[1, 2]], ["s1"], [/missing shard 2\/2/]),
  cliRow(
    "merge a run that is not a shard",
    ({ storeDir }) => ["merge", "seed", "--run-id", "m", "--store", storeDir],
    {
      code: 2,
      message: [/run seed is not a shard/],
    },
  ),
];
