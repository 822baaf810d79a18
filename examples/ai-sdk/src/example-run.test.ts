import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const EXAMPLE_DIR = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../../../packages/cli/bin/ag2-eval.js", import.meta.url));

test("the example runs its AI SDK agent through the built CLI against the bundled mock server", async (t) => {
  const store = await mkdtemp(join(tmpdir(), "ai-sdk-example-"));
  t.after(() => rm(store, { recursive: true, force: true }));
  const env = { ...process.env };
  delete env.OPENAI_BASE_URL;
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>(
    (resolve, reject) =>
      execFile(
        process.execPath,
        [BIN, "run", "--store", store, "--json"],
        { cwd: EXAMPLE_DIR, env, timeout: 60_000 },
        (error, out, err) =>
          error
            ? reject(new Error(`${error.message}\n${err}`))
            : resolve({ stdout: out, stderr: err }),
      ),
  );
  const { run, gates } = JSON.parse(stdout);
  assert.equal(run.target, "weather");
  assert.equal(run.tasks.length, 3);
  assert.deepEqual(run.aggregates.pass_rate, {
    final_answer_matches: 1,
    no_tool_errors: 1,
    reports_tool_result: 1,
    "tool_called[get_weather]": 1,
  });
  assert.equal(gates.passed, true);
  assert.doesNotMatch(stderr, /warning/i, "the tracer reached the SDK: no empty-trace warning");
});
