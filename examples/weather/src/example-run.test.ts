import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const EXAMPLE_DIR = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../../../packages/cli/bin/ag2-eval.js", import.meta.url));

test("the example runs through the built CLI with its config file, offline", async (t) => {
  const store = await mkdtemp(join(tmpdir(), "weather-example-"));
  t.after(() => rm(store, { recursive: true, force: true }));
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
    execFile(
      process.execPath,
      [BIN, "run", "--store", store, "--json"],
      { cwd: EXAMPLE_DIR },
      (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${err}`)) : resolve({ stdout: out }),
    ),
  );
  const { run, gates } = JSON.parse(stdout);
  // the CLI wraps the agent to count errors; the run must still name the user's factory
  assert.equal(run.target, "weatherAgent");
  assert.equal(run.label, "weather-example");
  assert.equal(run.tasks.length, 5);
  assert.deepEqual(run.aggregates.pass_rate, {
    final_answer_matches: 1,
    no_tool_errors: 1,
    reports_temperature: 0.8,
    "tool_called[get_weather]": 0.8,
  });
  const saoPaulo = run.tasks.find((task: { task_id: string }) => task.task_id === "sao-paulo");
  assert.ok(saoPaulo.feedback.every((feedback: { score: unknown }) => feedback.score === true));
  assert.equal(gates.passed, true);
});
