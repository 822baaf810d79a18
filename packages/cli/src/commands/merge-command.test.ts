import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// 14 tasks, one of which ("world") the flaky agent gets wrong
const SUITE = ["world", ...Array.from({ length: 13 }, (_, i) => `word${i}`)]
  .map((input, i) =>
    JSON.stringify({
      task_id: `t${i}`,
      inputs: { input },
      reference_outputs: { answer: input.toUpperCase() },
    }),
  )
  .join("\n");
const RUN = [
  "run",
  "suite.jsonl",
  "--scorers",
  "./scorers.mjs",
  "--agent",
  "./agent.ts#flaky",
  "--repeats",
  "2",
];

interface RunFile {
  tasks: { task_id: string; feedback: unknown; exception: unknown; tokens: unknown }[];
  aggregates: unknown;
  suite: unknown;
  shard?: { index: number; count: number };
  suite_fingerprint?: string;
  merged_from?: string[];
}
const read = async (cwd: string, id: string): Promise<RunFile> =>
  JSON.parse(await readFile(join(cwd, ".ag2-eval", "runs", `${id}.json`), "utf8")) as RunFile;
const graded = (run: RunFile) =>
  run.tasks.map(({ task_id, feedback, exception, tokens }) => ({
    task_id,
    feedback,
    exception,
    tokens,
  }));

describe("ag2-eval run --shard and ag2-eval merge", () => {
  let cwd = "";
  before(async () => {
    cwd = await tempProject({ "suite.jsonl": SUITE });
    const whole = await runCli([...RUN, "--run-id", "whole"], { cwd });
    assert.equal(whole.code, 0, whole.stderr);
    // the three shards run as separate processes at once, as on three machines
    const shards = await Promise.all(
      [1, 2, 3].map((i) => runCli([...RUN, "--shard", `${i}/3`, "--run-id", `s${i}`], { cwd })),
    );
    for (const shard of shards) assert.equal(shard.code, 0, shard.stderr);
  });

  test("each shard records its shard and the suite fingerprint; merged, they equal one process's run", async () => {
    const shards = await Promise.all(["s1", "s2", "s3"].map((id) => read(cwd, id)));
    assert.deepEqual(
      shards.map((run) => run.shard?.index),
      [1, 2, 3],
    );
    assert.equal(new Set(shards.map((run) => run.suite_fingerprint)).size, 1);
    const merge = await runCli(
      ["merge", "s1", "s2", "s3", "--run-id", "merged", "--min-pass-rate", "correct=0.9"],
      { cwd },
    );
    assert.equal(merge.code, 0, merge.stderr);
    const [merged, whole] = [await read(cwd, "merged"), await read(cwd, "whole")];
    assert.deepEqual(graded(merged), graded(whole));
    assert.deepEqual(merged.aggregates, whole.aggregates);
    assert.deepEqual(merged.suite, whole.suite);
    assert.deepEqual(merged.merged_from, ["s1", "s2", "s3"]);
    // diff and the gates work on the merged run
    const diff = await runCli(["diff", "merged", "--baseline", "whole", "--fail-on-regression"], {
      cwd,
    });
    assert.equal(diff.code, 0, diff.stderr);
    const gate = await runCli(
      ["merge", "s1", "s2", "s3", "--run-id", "gated", "--min-pass-rate", "correct=0.99"],
      { cwd },
    );
    assert.equal(gate.code, 1, gate.stderr);
    assert.match(gate.stderr, /correct/);
  });

  test("refuses bad shard specs with exit 2 before running anything", async () => {
    for (const spec of ["0/8", "9/8", "a/b"]) {
      const run = await runCli(
        [...RUN, "--shard", spec, "--run-id", `bad-${spec.replace("/", "-")}`],
        { cwd },
      );
      assert.equal(run.code, 2, `${spec}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`got '${spec}'`));
      assert.match(run.stderr, /<index>\/<count>/);
    }
  });

  test("refuses a run merged with itself, missing shards and an id in use, with exit 2", async () => {
    const self = await runCli(["merge", "s1", "s1", "s2", "s3", "--run-id", "m1"], { cwd });
    assert.equal(self.code, 2);
    assert.match(self.stderr, /run s1 is given twice/);
    const missing = await runCli(["merge", "s1", "s3", "--run-id", "m2"], { cwd });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing shard 2\/3/);
    const notShard = await runCli(["merge", "whole", "--run-id", "m3"], { cwd });
    assert.equal(notShard.code, 2);
    assert.match(notShard.stderr, /run whole is not a shard/);
    const taken = await runCli(["merge", "s1", "s2", "s3", "--run-id", "whole"], { cwd });
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /run whole already exists/);
    const noId = await runCli(["merge", "s1", "s2", "s3"], { cwd });
    assert.equal(noId.code, 2);
    assert.match(noId.stderr, /--run-id is required/);
  });
});
