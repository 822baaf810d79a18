import assert from "node:assert/strict";
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";
import { startWatch } from "../__fixtures__/watch-cli.js";

// the scorer compares through a helper module, so editing the helper must be seen too
const SCORERS_TS = `
import { expected } from "./helper.js";
interface Context { outputs: { body: unknown }; referenceOutputs: { answer: string } }
export default [{
  key: "correct",
  score: async ({ outputs, referenceOutputs }: Context) => [{ key: "correct", score: outputs.body === expected(referenceOutputs.answer) }],
}];
`;
const HELPER = (suffix: string) =>
  `export const expected = (answer: string): string => answer + ${JSON.stringify(suffix)};\n`;
const SLOW_AGENT_TS = `
export default {
  name: "slow",
  ask: (input: string, options: { signal?: AbortSignal }): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(input.toUpperCase()), 1500);
      options.signal?.addEventListener("abort", () => { clearTimeout(timer); reject(options.signal?.reason); });
    }),
};
`;

async function storeFiles(cwd: string): Promise<string[]> {
  return (await readdir(join(cwd, ".ag2-eval", "runs"))).filter((name) => name !== "cache");
}

describe("ag2-eval watch", () => {
  test("re-runs when a file a scorer imports is saved, prints what changed, survives a deletion, exits 130 on Ctrl-C", async () => {
    const cwd = await tempProject({ "scorers.ts": SCORERS_TS, "helper.ts": HELPER("") });
    const watch = startWatch(
      ["watch", "suite.jsonl", "--agent", "./agent.ts#good", "--scorers", "./scorers.ts"],
      { cwd },
    );
    try {
      await watch.waitFor(/watch: watching 4 file\(s\)/);
      assert.match(watch.stdout, /correct\s+100\.0% \(3\/3\)/);
      // model calls are cached under watch unless --cache or the config says otherwise
      assert.match(watch.stdout, /^model cache \(read-write\): /m);
      assert.doesNotMatch(watch.stdout, /Changes since/);
      await writeFile(join(cwd, "helper.ts"), HELPER("!"));
      await watch.waitFor(/Changes since the previous run/);
      assert.match(watch.stderr, /watch: run 2: helper\.ts changed/);
      assert.match(watch.stdout, /correct\s+0\.0% \(0\/3\)/);
      assert.match(watch.stdout, /correct\s+100\.0% ->\s+0\.0%\s+-100\.0\s+REGRESSION/);
      assert.match(watch.stdout, /flipped pass->fail: \['correct:a', 'correct:b', 'correct:c'\]/);
      await watch.waitFor(/watch: watching/, 2);

      await rm(join(cwd, "helper.ts"));
      await watch.waitFor(/helper\.ts was deleted; still watching it/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal((watch.stderr.match(/watch: run \d/g) ?? []).length, 1, "no run without it");
      await writeFile(join(cwd, "helper.ts"), HELPER(""));
      await watch.waitFor(/Changes since the previous run/, 2);
      assert.match(watch.stdout, /flipped fail->pass: \['correct:a', 'correct:b', 'correct:c'\]/);
      await watch.waitFor(/watch: watching/, 3);
    } finally {
      assert.equal(await watch.interrupt(), 130, watch.stderr);
    }
    const files = await storeFiles(cwd);
    assert.equal(files.filter((name) => name.endsWith(".json")).length, 3, files.join(", "));
    assert.deepEqual(
      files.filter((name) => !name.endsWith(".json")),
      [],
    );
  });

  test("run --watch cancels a run when a newer change arrives and saves nothing of it; Ctrl-C mid-run exits 130", async () => {
    const cwd = await tempProject({ "slow-agent.ts": SLOW_AGENT_TS });
    const args = ["run", "--watch", "suite.jsonl", "--agent", "./slow-agent.ts"];
    const watch = startWatch([...args, "--scorers", "./scorers.mjs", "--concurrency", "1"], {
      cwd,
    });
    try {
      await watch.waitFor(/running 3 task-run\(s\)/);
      await writeFile(join(cwd, "scorers.mjs"), "export default [];\n");
      await watch.waitFor(
        /scorers\.mjs changed: cancelling the run in progress \(it is not saved\)/,
      );
      await watch.waitFor(/watch: watching 3 file\(s\)/);
      // the cancelled run printed no summary, so only the second run's is there
      assert.equal((watch.stdout.match(/^Run [0-9a-f]{32}$/gm) ?? []).length, 1, watch.stdout);
      assert.doesNotMatch(watch.stdout, /Changes since/);
      const afterTwo = await storeFiles(cwd);
      assert.equal(afterTwo.length, 1, `one run file, no journal: ${afterTwo.join(", ")}`);
      await writeFile(join(cwd, "suite.jsonl"), '{"task_id":"a","inputs":{"input":"x"}}\n');
      await watch.waitFor(/watch: run 3: suite\.jsonl changed/);
      await watch.waitFor(/running 1 task-run\(s\)/, 1);
    } finally {
      assert.equal(await watch.interrupt(), 130, watch.stderr);
    }
    const files = await storeFiles(cwd);
    assert.equal(files.length, 1, `the interrupted run left nothing: ${files.join(", ")}`);
  });

  test("refuses --resume, and --run-id without --overwrite, before running anything", async () => {
    const cwd = await tempProject();
    const resume = await runCli(["run", "--watch", "suite.jsonl", "--resume", "x"], { cwd });
    assert.equal(resume.code, 2);
    assert.match(resume.stderr, /--resume continues one run, watch starts new ones/);
    const runId = await runCli(["watch", "suite.jsonl", "--run-id", "mine"], { cwd });
    assert.equal(runId.code, 2);
    assert.match(runId.stderr, /--run-id mine would be taken by the first run/);
    assert.match(runId.stderr, /hint: add --overwrite/);
  });
});
