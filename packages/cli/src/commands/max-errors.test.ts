import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUN = ["run", "suite.jsonl", "--scorers", "./scorers.mjs", "--concurrency", "1"];
const ALWAYS_THROWS_MJS = `export default { name: "down", ask: async () => { throw new TypeError("fetch failed"); } };\n`;

describe("errors do not pass", () => {
  test("--max-errors 0 fails a run with one errored task and prints the count", async () => {
    const cwd = await tempProject();
    const { code, stdout, stderr } = await runCli(
      [...RUN, "--agent", "./agent.ts#broken", "--max-errors", "0"],
      { cwd },
    );
    assert.equal(code, 1, stderr);
    assert.match(stdout, /^1 of 3 task run\(s\) errored: RangeError ×1$/m);
    assert.match(
      stderr,
      /gate failed \(max-errors\): 1 of 3 task run\(s\) errored; the maximum is 0/,
    );
  });

  test("a fraction or a count from the config file lets a run within it pass", async () => {
    const cwd = await tempProject({
      "ag2-eval.config.mjs": 'export default { maxErrors: "50%" };\n',
    });
    const within = await runCli([...RUN, "--agent", "./agent.ts#broken"], { cwd });
    assert.equal(within.code, 0, within.stderr);
    assert.match(within.stdout, /1 gate\(s\) passed/);
    const flagWins = await runCli([...RUN, "--agent", "./agent.ts#broken", "--max-errors", "0.2"], {
      cwd,
    });
    assert.equal(flagWins.code, 1, flagWins.stderr);
    assert.match(flagWins.stderr, /1 of 3 task run\(s\) errored \(33\.3%\); the maximum is 20\.0%/);
  });

  test("without --max-errors, a run in which every task threw exits 1", async () => {
    const cwd = await tempProject({ "down.mjs": ALWAYS_THROWS_MJS });
    const { code, stdout, stderr } = await runCli([...RUN, "--agent", "./down.mjs"], { cwd });
    assert.equal(code, 1, stderr);
    assert.match(stdout, /^3 of 3 task run\(s\) errored: TypeError ×3$/m);
    assert.match(
      stderr,
      /gate failed \(max-errors\): 3 of 3 task run\(s\) errored, so nothing was graded/,
    );
    const accepted = await runCli([...RUN, "--agent", "./down.mjs", "--max-errors", "100%"], {
      cwd,
    });
    assert.equal(accepted.code, 0, accepted.stderr);
  });
});
