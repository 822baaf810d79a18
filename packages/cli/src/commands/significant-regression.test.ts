import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

/** Twelve tasks, so one flip is noise and ten flips are not. */
const SUITE = Array.from({ length: 12 }, (_, i) =>
  JSON.stringify({
    task_id: `t${String(i).padStart(2, "0")}`,
    inputs: { input: `word${i}` },
    reference_outputs: { answer: `WORD${i}` },
  }),
).join("\n");

/** `wrong` = how many tasks (from the first) the agent answers badly. */
const AGENT_MJS = `
const agent = (name, wrong) => ({
  name,
  ask: async (input) => (Number(input.slice(4)) < wrong ? "?" : input.toUpperCase()),
});
export const good = agent("good", 0);
export const oneFlip = agent("one-flip", 1);
export const mostFlip = agent("most-flip", 10);
`;

const run = (cwd: string, agent: string, runId: string, gates: string[]) =>
  runCli(
    [
      "run",
      "suite.jsonl",
      "--agent",
      `./agent.mjs#${agent}`,
      "--scorers",
      "./scorers.mjs",
      "--label",
      "ci",
      "--run-id",
      runId,
      ...gates,
    ],
    { cwd },
  );

describe("--fail-on-significant-regression", () => {
  test("one flipped task out of twelve passes it but fails --fail-on-regression; most flipped fails it", async () => {
    const cwd = await tempProject({ "suite.jsonl": SUITE, "agent.mjs": AGENT_MJS });
    const base = await run(cwd, "good", "base", ["--fail-on-significant-regression"]);
    assert.equal(base.code, 0, base.stderr);
    assert.match(
      base.stderr,
      /fail-on-significant-regression: no earlier run with this label.*gate skipped/,
    );

    const noise = await run(cwd, "oneFlip", "one", [
      "--baseline",
      "base",
      "--fail-on-significant-regression",
    ]);
    assert.equal(noise.code, 0, noise.stderr);
    assert.doesNotMatch(noise.stderr, /gate failed/);
    const strict = await run(cwd, "oneFlip", "one-strict", [
      "--baseline",
      "base",
      "--fail-on-regression",
    ]);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /gate failed \(fail-on-regression\): 1 task\(s\)/);

    const real = await run(cwd, "mostFlip", "most", [
      "--baseline",
      "base",
      "--fail-on-significant-regression",
    ]);
    assert.equal(real.code, 1, real.stderr);
    assert.match(
      real.stderr,
      /gate failed \(fail-on-significant-regression\): correct: 100\.0% → 16\.7% over 12 task\(s\) against base \(95% interval \[-?\d\.\d{3}, -?\d\.\d{3}\], p=[\d.e-]+\)/,
    );
  });

  test("diff takes the gate too: the paired statistics decide, not a single flip", async () => {
    const cwd = await tempProject({ "suite.jsonl": SUITE, "agent.mjs": AGENT_MJS });
    for (const [agent, id] of [
      ["good", "base"],
      ["oneFlip", "one"],
      ["mostFlip", "most"],
    ] as const) {
      assert.equal((await run(cwd, agent, id, [])).code, 0);
    }
    const gate = ["--baseline", "base", "--fail-on-significant-regression"];
    const noise = await runCli(["diff", "one", ...gate], { cwd });
    assert.equal(noise.code, 0, noise.stderr);
    const real = await runCli(["diff", "most", ...gate, "--json"], { cwd });
    assert.equal(real.code, 1, real.stderr);
    const document = JSON.parse(real.stdout);
    assert.equal(document.gates.failures[0].gate, "fail-on-significant-regression");
    assert.equal(document.comparison.keys[0].verdict, "regression");
  });
});
