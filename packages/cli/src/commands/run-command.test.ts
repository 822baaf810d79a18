import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUN = ["run", "suite.jsonl", "--agent", "./agent.ts#good", "--scorers", "./scorers.mjs"];

describe("ag2-eval run", () => {
  test("runs a TypeScript agent, prints the summary and saves the run", async () => {
    const cwd = await tempProject();
    const { code, stdout, stderr } = await runCli([...RUN, "--run-id", "r1", "--label", "demo"], {
      cwd,
    });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Run r1\n {2}Schema: {6}0\.1/);
    assert.match(stdout, / {2}correct {2}100\.0% \(3\/3\)/);
    // not a TTY: one plain line per task, as the console reporter prints them
    assert.match(stderr, /\[demo\] running 3 task-run\(s\) over 'suite'\.\.\./);
    assert.match(stderr, / {4}c: 1\/1 passed/);
    const saved = JSON.parse(await readFile(join(cwd, ".ag2-eval/runs/r1.json"), "utf8"));
    assert.equal(saved.schema_version, "0.1");
    assert.equal(saved.label, "demo");
    assert.deepEqual(saved.aggregates.pass_rate, { correct: 1 });
  });

  test("a run without scorers still runs and saves, with a warning that nothing is graded", async () => {
    const cwd = await tempProject();
    const { code, stderr } = await runCli(
      ["run", "suite.jsonl", "--agent", "./agent.ts#good", "--run-id", "bare"],
      { cwd },
    );
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^warning: no scorers .* nothing was graded$/m);
    const saved = JSON.parse(await readFile(join(cwd, ".ag2-eval/runs/bare.json"), "utf8"));
    assert.equal(saved.tasks.length, 3);
  });

  test("a suite without tasks (an empty or blank-lines-only file) exits 2 and saves nothing", async () => {
    const cwd = await tempProject({ "suite.jsonl": "\n\n" });
    const { code, stdout, stderr } = await runCli([...RUN, "--run-id", "none"], { cwd });
    assert.equal(code, 2, stderr);
    assert.equal(stdout, "");
    assert.equal(
      stderr.split("\n")[0],
      `error: ${join(cwd, "suite.jsonl")}: got a suite without tasks, expected at least one`,
    );
    const list = await runCli(["list", "--json"], { cwd });
    assert.deepEqual(JSON.parse(list.stdout), []);
  });

  test("--save-traces naming a file is refused before any task runs", async () => {
    const cwd = await tempProject({ "traces.txt": "a file, not a folder\n" });
    const { code, stderr } = await runCli([...RUN, "--save-traces", "traces.txt"], { cwd });
    assert.equal(code, 2, stderr);
    assert.match(
      stderr,
      /^error: --save-traces: cannot write trace files into .*traces\.txt \(EEXIST\); expected a folder/,
    );
    assert.doesNotMatch(stderr, /running 3 task-run/, "no task ran");
  });

  test("--json prints one parsable document, and a failed --min-pass-rate gate exits 1", async () => {
    const cwd = await tempProject();
    const args = [
      ...RUN,
      "--agent",
      "./agent.ts#flaky",
      "--run-id",
      "j1",
      "--json",
      "--min-pass-rate",
      "correct=0.9",
    ];
    const { code, stdout, stderr } = await runCli(args, { cwd });
    assert.equal(code, 1, stderr);
    const document = JSON.parse(stdout);
    assert.equal(document.run.run_id, "j1");
    assert.equal(document.run.aggregates.pass_rate.correct, 2 / 3);
    assert.equal(document.gates.passed, false);
    assert.match(
      document.gates.failures[0].reason,
      /correct: pass rate 66\.7% is below the minimum 90\.0%/,
    );
    assert.equal(stderr, "", "no progress in --json mode");
  });

  test("an agent that throws is recorded on its task; the run goes on and exits 0", async () => {
    const cwd = await tempProject();
    const { code, stdout } = await runCli(
      [...RUN, "--agent", "./agent.ts#broken", "--run-id", "e1"],
      { cwd },
    );
    assert.equal(code, 0);
    assert.match(stdout, /Errors: {6}1/);
    assert.match(
      stdout,
      /Failing tasks \(1\):\n {2}a: failed correct; error RangeError: model unavailable/,
    );
  });

  test("--fail-on-regression compares with the previous run of the label and exits 1 with the reason", async () => {
    const cwd = await tempProject();
    const first = await runCli(
      [...RUN, "--label", "nightly", "--run-id", "n1", "--fail-on-regression"],
      { cwd },
    );
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /no earlier run with this label.*gate skipped/);
    const second = await runCli(
      [
        ...RUN,
        "--agent",
        "./agent.ts#flaky",
        "--label",
        "nightly",
        "--run-id",
        "n2",
        "--fail-on-regression",
      ],
      { cwd },
    );
    assert.equal(second.code, 1);
    assert.match(
      second.stderr,
      /gate failed \(fail-on-regression\): 1 task\(s\) went from pass to fail against n1: correct:b/,
    );
  });

  test("--repeats and --concurrency reach the run", async () => {
    const cwd = await tempProject();
    const { code, stdout } = await runCli(
      [...RUN, "--repeats", "2", "--concurrency", "1", "--json"],
      { cwd },
    );
    assert.equal(code, 0);
    const run = JSON.parse(stdout).run;
    assert.equal(run.concurrency, 1);
    assert.deepEqual(run.tasks.map((task: { task_id: string }) => task.task_id).sort(), [
      "a#1",
      "a#2",
      "b#1",
      "b#2",
      "c#1",
      "c#2",
    ]);
  });
});
