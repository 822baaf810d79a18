import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// Functions of the input, as a new user writes them: neither is an agent factory.
const FUNCTIONS_MJS = `
export default async function (input) {
  return input.toUpperCase();
}
export async function answer(input) {
  return "answer: " + String(input);
}
export const wrapped = { name: "wrapped", ask: async (input) => input.toUpperCase() };
export const factory = ({ task }) => ({ name: "built-for-" + task.taskId, ask: async (input) => input.toUpperCase() });
`;

const RUN = ["run", "suite.jsonl", "--scorers", "./scorers.mjs"];
const FORMS =
  /\nhint: an agent is an Agent \(an object with ask\(\)\) or a factory \(\{ config, task \}\) => Agent; for a function of the input, export \{ name: "my-agent", ask: yourFunction \}\n/;

describe("a function of the input given as the agent", () => {
  test("run refuses it before any task runs, naming the accepted forms", async () => {
    const cwd = await tempProject({ "functions.mjs": FUNCTIONS_MJS });
    const threw = await runCli([...RUN, "--agent", "./functions.mjs", "--run-id", "t1"], { cwd });
    assert.equal(threw.code, 2, threw.stderr);
    assert.match(
      threw.stderr,
      /^error: --agent \.\/functions\.mjs is a function \(default\) that threw when called as an agent factory with the first task's context \(\{ config, task \}\): TypeError: input\.toUpperCase is not a function\n/,
    );
    assert.match(threw.stderr, FORMS);
    const returned = await runCli([...RUN, "--agent", "./functions.mjs#answer"], { cwd });
    assert.equal(returned.code, 2, returned.stderr);
    assert.match(
      returned.stderr,
      /^error: --agent \.\/functions\.mjs#answer is a function \(answer\) but not an agent factory: called with the first task's context \(\{ config, task \}\) it returned a string, not an Agent; no task was run\n/,
    );
    const store = join(cwd, ".ag2-eval/runs");
    const kept = existsSync(store) ? await readdir(store) : [];
    assert.deepEqual(
      kept.filter((name) => name.startsWith("t1")),
      [],
      "nothing saved or journaled",
    );
    for (const form of ["wrapped", "factory"]) {
      const fine = await runCli([...RUN, "--agent", `./functions.mjs#${form}`, "--json"], { cwd });
      assert.equal(fine.code, 0, fine.stderr);
      assert.equal(JSON.parse(fine.stdout).run.aggregates.pass_rate.correct, 1, form);
    }
  });

  test("pairwise and variants refuse it too, naming the setting", async () => {
    const cwd = await tempProject({
      "functions.mjs": FUNCTIONS_MJS,
      "sweep-functions.mjs": `import { answer, wrapped } from "./functions.mjs";\nexport default { wrapped, answer };\n`,
    });
    const pairwise = await runCli(
      [
        "pairwise",
        "suite.jsonl",
        "--a",
        "./functions.mjs#wrapped",
        "--b",
        "./functions.mjs#answer",
      ].concat(["--comparators", "./sweep.mjs#comparators"]),
      { cwd },
    );
    assert.equal(pairwise.code, 2, pairwise.stderr);
    assert.match(
      pairwise.stderr,
      /^error: --b \.\/functions\.mjs#answer is a function \(answer\) but not an agent factory/,
    );
    const variants = await runCli(
      [
        "variants",
        "suite.jsonl",
        "--variants",
        "./sweep-functions.mjs",
        "--scorers",
        "./scorers.mjs",
      ],
      { cwd },
    );
    assert.equal(variants.code, 2, variants.stderr);
    assert.match(
      variants.stderr,
      /^error: --variants \.\/sweep-functions\.mjs: variant 'answer' is a function \(answer\) but not an agent factory/,
    );
  });
});
