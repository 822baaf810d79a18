import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// "never" answers no pair; "always" decides every pair for B
const COMPARATORS_MJS = `
export const comparators = [
  { key: "never", compare: () => new Promise(() => {}) },
  { key: "always", compare: async () => ({ winner: "b" }) },
];
`;

const ARGS = [
  "pairwise",
  "suite.jsonl",
  "--a",
  "./traced-agent.ts#traced",
  "--b",
  "./traced-agent.ts#tracedGood",
  "--comparators",
  "./judges.mjs#comparators",
  "--run-id",
  "pw",
];

describe("ag2-eval pairwise --comparator-timeout", () => {
  test("a comparator that never answers is each comparison's error, the other comparator decides", async () => {
    const cwd = await tempProject({
      "package.json": `{ "type": "module" }`,
      "judges.mjs": COMPARATORS_MJS,
    });
    const run = await runCli([...ARGS, "--comparator-timeout", "300ms", "--json"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const cases = JSON.parse(run.stdout).cases as {
      key: string;
      winner: string;
      reasoning: string | null;
      detail: { error?: boolean };
    }[];
    const never = cases.filter((c) => c.key === "never");
    assert.equal(never.length, 3);
    for (const c of never) {
      assert.equal(c.winner, "tie");
      assert.equal(c.detail.error, true);
      assert.match(c.reasoning ?? "", /comparator timed out: no answer within 300 ms/);
    }
    assert.deepEqual(
      cases.filter((c) => c.key === "always").map((c) => c.winner),
      ["b", "b", "b"],
    );
  });

  test("--comparator-timeout refuses what is not a duration", async () => {
    const cwd = await tempProject({ "judges.mjs": COMPARATORS_MJS });
    const run = await runCli([...ARGS, "--comparator-timeout", "soon"], { cwd });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--comparator-timeout: got "soon", expected/);
  });
});
