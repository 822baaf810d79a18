import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

/** Fails "world" on every other call, whatever order the repeats run in: 2 of 4 pass. */
const COIN_MJS = `
let calls = 0;
export default {
  name: "coin",
  ask: async (input) => (input === "world" && calls++ % 2 === 0 ? "WORLD?" : input.toUpperCase()),
};
`;

describe("ag2-eval show, flakiness", () => {
  test("a run with repeats shows pass@k, pass^k and the flaky task with its pass count", async () => {
    const cwd = await tempProject({ "coin.mjs": COIN_MJS });
    const run = await runCli(
      [
        ...["run", "suite.jsonl", "--scorers", "./scorers.mjs", "--agent", "./coin.mjs"],
        ...["--repeats", "4", "--run-id", "rep", "--concurrency", "3"],
      ],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const show = await runCli(["show", "rep"], { cwd });
    assert.equal(show.code, 0, show.stderr);
    // correct: a and c always pass, b passes 2 of 4 → pass@1 (1 + 0.5 + 1) / 3;
    // pass@4 = 1 for all; pass^4 = (1 + 0 + 1) / 3; b's flip rate 2·2·2/(4·3).
    assert.ok(
      show.stdout.endsWith(
        [
          "",
          "Flakiness  —  3 task(s), 4 repeat(s), 1 flaky",
          "  correct                  pass@1  83.3%   pass@4 100.0%   pass^4  66.7%   1/3 flaky",
          "    b  2/4 passed  flip rate 0.67",
          "",
        ].join("\n"),
      ),
      show.stdout,
    );
    assert.match(show.stdout, /^Run rep\n/);
  });

  test("a run without repeats shows no flakiness section", async () => {
    const cwd = await tempProject();
    const run = await runCli(
      ["run", "suite.jsonl", "--scorers", "./scorers.mjs", "--agent", "./agent.ts#flaky"],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const show = await runCli(["show", "latest"], { cwd });
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /Failing tasks \(1\):\n {2}b: failed correct\n$/);
    assert.doesNotMatch(show.stdout, /Flakiness/);
  });
});
