import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { eventTracing, runAgent, scorer } from "@ag2/eval";
import type { BadInputRow, RowContext } from "./bad-input-row.js";
import { CLI_ROWS } from "./cli-rows.js";
import { DATASET_ROWS } from "./dataset-rows.js";
import { DEPTH_ROWS } from "./depth-rows.js";
import { HOSTILE_CODE_ROWS } from "./hostile-code-rows.js";
import { RESULTS_ROWS } from "./results-rows.js";
import { RUNNER_ROWS } from "./runner-rows.js";
import { SHARD_ROWS } from "./shard-rows.js";
import { SOURCE_ROWS } from "./source-rows.js";
import { STORE_ROWS } from "./store-rows.js";
import { snapshotFolder } from "./store-snapshot.js";
import { SUITE_ROWS } from "./suite-rows.js";
import { TRUST_ROWS } from "./trust-rows.js";

const ROWS: readonly BadInputRow[] = [
  ...SUITE_ROWS,
  ...DATASET_ROWS,
  ...RUNNER_ROWS,
  ...SHARD_ROWS,
  ...STORE_ROWS,
  ...SOURCE_ROWS,
  ...CLI_ROWS,
  ...TRUST_ROWS,
  ...DEPTH_ROWS,
  ...RESULTS_ROWS,
  ...HOSTILE_CODE_ROWS,
];

let root = "";
let seedStore = "";

before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-bad-input-"));
  seedStore = join(root, "seed-runs");
  // a real saved run that every row's store starts with and must still hold, byte for byte
  await runAgent([{ task_id: "a", inputs: { input: "hi" }, reference_outputs: { answer: "hi" } }], {
    agent: { name: "echo", ask: async (input: string) => input },
    scorers: [scorer(({ outputs }) => outputs.body === "hi", { key: "correct" })],
    tracing: eventTracing(),
    storeDir: seedStore,
    runId: "seed",
  });
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("bad input: a clear error, and nothing stored changed or lost", () => {
  test("the table has at least 30 distinct rows", () => {
    assert.ok(ROWS.length >= 30, `${ROWS.length} rows`);
    assert.equal(new Set(ROWS.map((row) => row.name)).size, ROWS.length, "row names are distinct");
  });

  for (const row of ROWS) {
    test(row.name, { skip: row.skip ?? false }, async () => {
      const dir = await mkdtemp(join(root, "row-"));
      const storeDir = join(dir, "runs");
      await cp(seedStore, storeDir, { recursive: true });
      const context: RowContext = {
        dir,
        storeDir,
        async write(name, content) {
          const path = join(dir, name);
          await writeFile(path, content);
          return path;
        },
      };
      await row.setup?.(context);
      const stored = await snapshotFolder(storeDir);
      assert.ok(
        stored.some((line) => line.startsWith("seed.json ")),
        "the seed run is in the store",
      );
      await row.check(context);
      assert.deepEqual(await snapshotFolder(storeDir), stored, "the store folder is unchanged");
    });
  }
});
