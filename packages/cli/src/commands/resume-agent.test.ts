import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUN = ["run", "suite.jsonl", "--scorers", "./scorers.mjs", "--concurrency", "1"];

describe("--resume and the agent", () => {
  test("refuses another agent than the one that started the run, unless --allow-agent-change", async () => {
    const cwd = await tempProject();
    const stopped = await runCli(
      [...RUN, "--agent", "./agent.ts#good", "--run-id", "s1", "--max-duration", "1ms"],
      { cwd },
    );
    assert.equal(stopped.code, 3, stopped.stderr);
    const refused = await runCli([...RUN, "--agent", "./agent.ts#flaky", "--resume", "s1"], {
      cwd,
    });
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(
      refused.stderr,
      /the agent changed: the journal was written by 'good', this run has 'flaky'.*--allow-agent-change/,
    );
    // a resume takes the journal's flags, the 1 ms budget too, unless given again
    const allowed = await runCli(
      [
        ...RUN,
        ...["--agent", "./agent.ts#flaky", "--resume", "s1", "--allow-agent-change"],
        ...["--max-duration", "10m"],
      ],
      { cwd },
    );
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /^Run s1$/m);
  });
});
