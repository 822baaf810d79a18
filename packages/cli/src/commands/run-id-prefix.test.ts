import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUN = ["run", "suite.jsonl", "--scorers", "./scorers.mjs", "--agent", "./agent.ts#good"];

describe("a unique prefix of a run id names the run", () => {
  let cwd = "";
  before(async () => {
    cwd = await tempProject();
    for (const runId of ["70e8aa11", "70e8bb22", "c0ffee"]) {
      const saved = await runCli([...RUN, "--run-id", runId], { cwd });
      assert.equal(saved.code, 0, saved.stderr);
    }
  });

  test("show, export and diff --baseline take a unique prefix", async () => {
    const show = await runCli(["show", "70e8a"], { cwd });
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /^Run 70e8aa11\n/);
    const exported = await runCli(["export", "c0f", "--format", "json"], { cwd });
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /c0ffee/);
    const diff = await runCli(["diff", "70e8b", "--baseline", "70e8a"], { cwd });
    assert.equal(diff.code, 0, diff.stderr);
    assert.match(diff.stdout, /^Diff 70e8bb22 vs 70e8aa11/);
  });

  test("an ambiguous prefix lists the matches and exits 2", async () => {
    const show = await runCli(["show", "70e8"], { cwd });
    assert.equal(show.code, 2);
    assert.match(show.stderr, /run id prefix "70e8" matches 2 runs: 70e8bb22, 70e8aa11/);
    const diff = await runCli(["diff", "c0ffee", "--baseline", "70e8"], { cwd });
    assert.equal(diff.code, 2);
    assert.match(diff.stderr, /matches 2 runs/);
  });

  test("diff of a run against itself is refused", async () => {
    const diff = await runCli(["diff", "c0ffee", "--baseline", "c0f"], { cwd });
    assert.equal(diff.code, 2);
    assert.match(diff.stderr, /ag2-eval diff: run c0ffee is its own baseline/);
  });
});
