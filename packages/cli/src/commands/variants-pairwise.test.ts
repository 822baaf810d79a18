import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
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

  test("a variant that cannot run (its run locked by another writer) is named and exits 1", async () => {
    const cwd = await tempProject();
    const store = join(cwd, ".ag2-eval", "runs");
    await mkdir(store, { recursive: true });
    const holder = {
      lock: "ag2-eval.lock/1",
      run_id: "sw-careful",
      pid: process.pid,
      host: hostname(),
      started_at: "2026-12-06T10:00:00.000Z",
    };
    await writeFile(join(store, "sw-careful.lock"), JSON.stringify(holder));
    const args = ["variants", "suite.jsonl", "--variants", "./sweep.mjs#variants"];
    const { code, stdout, stderr } = await runCli(
      [...args, "--scorers", "./scorers.mjs", "--run-id", "sw"],
      { cwd },
    );
    assert.equal(code, 1, stderr);
    assert.match(stdout, /1\. sloppy +33\.3%/, "the variant that ran is still ranked");
    assert.match(stdout, /– careful: failed \(RunLockedError: /);
    assert.match(
      stderr,
      new RegExp(`error: variant careful did not run \\(RunLockedError: .*pid ${process.pid}`),
    );
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

  test("an empty sweep, no comparators and an unknown --key exit 2 naming what was missing", async () => {
    const cwd = await tempProject({ "none.mjs": "export default {};\nexport const list = [];\n" });
    const base = ["suite.jsonl", "--scorers", "./scorers.mjs"];
    const empty = await runCli(["variants", ...base, "--variants", "./none.mjs"], { cwd });
    assert.equal(empty.code, 2, empty.stderr);
    assert.match(
      empty.stderr,
      /^error: ag2-eval variants: --variants \.\/none\.mjs: got no variants/,
    );
    const comparators = ["--comparators", "./none.mjs#list"];
    const agents = ["--a", "./agent.ts#good", "--b", "./agent.ts#good"];
    const none = await runCli(["pairwise", "suite.jsonl", ...agents, ...comparators], { cwd });
    assert.equal(none.code, 2, none.stderr);
    assert.match(none.stderr, /--comparators \.\/none\.mjs#list: got no comparators/);
    // nothing was saved for either
    assert.deepEqual(JSON.parse((await runCli(["list", "--json"], { cwd })).stdout), []);
    const sweep = ["--variants", "./sweep.mjs#variants", "--run-id", "sw"];
    const typo = await runCli(["variants", ...base, ...sweep, "--key", "corect"], { cwd });
    assert.equal(typo.code, 2, typo.stderr);
    assert.match(
      typo.stderr,
      /--key: got "corect", expected a key the variants' runs have: correct\nhint: the sweep is saved as sw/,
    );
  });
});
