import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

describe("ag2-eval variants and pairwise", () => {
  test("variants runs each variant, saves its run and ranks them per key", async () => {
    const cwd = await tempProject();
    const args = [
      "variants",
      "suite.jsonl",
      "--variants",
      "./sweep.mjs#variants",
      "--scorers",
      "./scorers.mjs",
      "--run-id",
      "sw",
    ];
    const { code, stdout, stderr } = await runCli(args, { cwd });
    assert.equal(code, 0, stderr);
    assert.match(
      stdout,
      /^Variants \(axis: variant\) — ranked by correct:\n {2}1\. careful +100\.0% {2}\(n=3\).*\n {2}2\. sloppy +33\.3% {2}\(n=3\)/,
    );
    assert.match(stderr, / {2}→ variant careful \(1\/2\)/);
    const list = await runCli(["list", "--json"], { cwd });
    assert.equal(JSON.parse(list.stdout).length, 2, "one saved run per variant");
  });

  test("pairwise compares two agents with a comparator module and prints win rates", async () => {
    const cwd = await tempProject({ "package.json": `{ "type": "module" }` });
    const args = [
      "pairwise",
      "suite.jsonl",
      "--a",
      "./traced-agent.ts#traced",
      "--b",
      "./traced-agent.ts#tracedGood",
      "--comparators",
      "./sweep.mjs#comparators",
      "--b-name",
      "candidate",
      "--run-id",
      "pw",
    ];
    const { code, stdout, stderr } = await runCli(args, { cwd });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Pairwise pw {2}— {2}'candidate' \(B\) vs 'A' \(A\) · 3 cases/);
    assert.match(stdout, /matches_reference +1 +0 +2 /);
    const missing = await runCli(["pairwise", "suite.jsonl", "--a", "./agent.ts"], { cwd });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /needs --a, --b and --comparators/);
  });
});
