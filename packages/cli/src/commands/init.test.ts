import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// Loaded before the CLI: any network call at all fails the run loudly.
const NO_NETWORK = `globalThis.fetch = async (input) => { throw new Error("network used: " + String(input)); };\n`;

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !path.includes("node_modules"))
      files[path] = await readFile(path, "utf8");
  }
  return files;
}

describe("ag2-eval init", () => {
  test("scaffolds an evaluation that passes offline at once, from the recorded answers", async () => {
    const cwd = await tempProject({
      "package.json": '{ "name": "app", "scripts": { "test": "node --test" } }\n',
      "no-network.mjs": NO_NETWORK,
    });
    const init = await runCli(["init"], { cwd });
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /evals\/agent\.ts/);
    assert.match(init.stdout, /Next: npm run eval/);
    const manifest = JSON.parse(await readFile(join(cwd, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    assert.deepEqual(manifest.scripts, {
      test: "node --test",
      eval: "ag2-eval run",
      "eval:record": "ag2-eval run --cache record",
    });
    const env = { NODE_OPTIONS: "--import ./no-network.mjs", OPENAI_API_KEY: "" };
    const run = await runCli(["run"], { cwd, env });
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /mentions_answer\s+100\.0% \(3\/3\)/);
    assert.match(run.stdout, /model cache \(replay\): 3 hits, 0 misses/);
    // the comments a user reads to find (and commit) the recorded answers name the real folder
    const recorded = await readdir(join(cwd, ".ag2-eval/runs/cache"));
    assert.equal(recorded.length, 3);
    for (const file of ["evals/agent.ts", "ag2-eval.config.ts"]) {
      const text = await readFile(join(cwd, file), "utf8");
      const named = [...text.matchAll(/\.ag2-eval\/[\w/]*cache/g)].map((match) => match[0]);
      assert.ok(named.length > 0, file);
      for (const folder of named) assert.equal(folder, ".ag2-eval/runs/cache", file);
    }
  });

  test("a second init refuses without --force and changes nothing; --force rewrites", async () => {
    const cwd = await tempProject({ "package.json": '{ "name": "app" }\n' });
    assert.equal((await runCli(["init"], { cwd })).code, 0);
    await writeFile(join(cwd, "evals", "scorers.ts"), "// mine\n");
    const before = await snapshot(cwd);
    const again = await runCli(["init"], { cwd });
    assert.equal(again.code, 2);
    assert.match(
      again.stderr,
      /would overwrite evals\/capitals\.jsonl, .*evals\/scorers\.ts.*; nothing was written/,
    );
    assert.deepEqual(await snapshot(cwd), before);
    const forced = await runCli(["init", "--force"], { cwd });
    assert.equal(forced.code, 0, forced.stderr);
    assert.notEqual(await readFile(join(cwd, "evals", "scorers.ts"), "utf8"), "// mine\n");
  });

  test("refuses a folder with no package.json", async () => {
    const cwd = await tempProject();
    const result = await runCli(["init", "."], { cwd });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no package\.json in /);
  });
});
