import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUN = ["run", "suite.jsonl", "--scorers", "./scorers.mjs"];

async function projectWithTwoRuns(): Promise<string> {
  const cwd = await tempProject();
  const first = await runCli(
    [...RUN, "--agent", "./agent.ts#good", "--run-id", "base", "--label", "ci"],
    { cwd },
  );
  assert.equal(first.code, 0, first.stderr);
  const second = await runCli(
    [...RUN, "--agent", "./agent.ts#flaky", "--run-id", "head", "--label", "ci"],
    { cwd },
  );
  assert.equal(second.code, 0, second.stderr);
  const other = await runCli(
    [...RUN, "--agent", "./agent.ts#good", "--run-id", "other", "--label", "x"],
    { cwd },
  );
  assert.equal(other.code, 0, other.stderr);
  return cwd;
}

describe("ag2-eval list, show, diff, trend, export", () => {
  // The commands only read the store, so the tests share one project.
  let cwd = "";
  before(async () => {
    cwd = await projectWithTwoRuns();
  });

  test("list prints saved runs newest first; --label filters; show prints the summary and failing tasks", async () => {
    const all = await runCli(["list"], { cwd });
    assert.equal(all.code, 0);
    const ids = all.stdout
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(/\s+/)[0]);
    assert.deepEqual(ids, ["other", "head", "base"]);
    const ci = await runCli(["list", "--label", "ci", "--json"], { cwd });
    assert.deepEqual(
      JSON.parse(ci.stdout).map((run: { runId: string }) => run.runId),
      ["head", "base"],
    );

    const show = await runCli(["show", "head"], { cwd });
    assert.equal(show.code, 0);
    assert.match(show.stdout, /^Run head\n/);
    assert.match(show.stdout, /Pass rates:\n {2}correct {3}66\.7% \(2\/3\)/);
    assert.match(show.stdout, /Failing tasks \(1\):\n {2}b: failed correct\n/);
    const missing = await runCli(["show", "nope"], { cwd });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope/);
    assert.match(missing.stderr, /\nhint: ag2-eval list shows the runs in this store/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /);
  });

  test("diff with --fail-on-regression exits 1 and prints the diff and the paired statistics", async () => {
    const diff = await runCli(["diff", "head", "--against-latest", "--fail-on-regression"], {
      cwd,
    });
    assert.equal(diff.code, 1);
    assert.match(diff.stdout, /^Diff head vs base {2}— {2}3 comparable task\(s\)/);
    assert.match(diff.stdout, /correct +100\.0% -> {2}66\.7% +-33\.3 {3}REGRESSION/);
    assert.match(
      diff.stderr,
      /gate failed \(fail-on-regression\): 1 task\(s\) went from pass to fail against base: correct:b/,
    );
    const improving = await runCli(["diff", "base", "--baseline", "head", "--fail-on-regression"], {
      cwd,
    });
    assert.equal(improving.code, 0, improving.stderr);
    const noBaseline = await runCli(["diff", "head"], { cwd });
    assert.equal(noBaseline.code, 2);
    assert.match(noBaseline.stderr, /^error: ag2-eval diff: no baseline\nhint: pass --baseline/);
  });

  test("trend charts the label's pass rates oldest first; export writes JUnit and Markdown", async () => {
    const trend = await runCli(["trend", "--label", "ci"], { cwd });
    assert.equal(trend.code, 0);
    const rows = trend.stdout.split("\n").filter((line) => /(base|head) /.test(line));
    assert.equal(rows.length, 2);
    assert.match(rows[0] ?? "", /base +█{20} 100\.0%$/);
    assert.match(rows[1] ?? "", /head +█{13}░{7} {2}66\.7% {2}-33\.3$/);
    // a label no run carries (a typo, say) is an error, not an empty chart that passes
    const typo = await runCli(["trend", "--label", "cj"], { cwd });
    assert.equal(typo.code, 2);
    assert.equal(
      typo.stderr.split("\n")[0],
      'error: ag2-eval trend: no saved run has the label "cj"',
    );
    const blank = await runCli(["trend", "--label", ""], { cwd });
    assert.equal(blank.code, 2);
    assert.equal(blank.stderr.split("\n")[0], 'error: --label: got "", expected a value');

    const junit = await runCli(["export", "head", "--format", "junit"], { cwd });
    assert.equal(junit.code, 0);
    assert.match(junit.stdout, /<testsuite name="suite" tests="3" failures="1" errors="0"/);
    assert.match(
      junit.stdout,
      /<testcase classname="suite" name="b" time="[\d.]+">\n {6}<failure message="failed correct">/,
    );
    const markdown = await runCli(["export", "latest:ci", "--format", "markdown"], { cwd });
    assert.match(markdown.stdout, /\| b \| ❌ \|/);
    const bad = await runCli(["export", "head", "--format", "xml"], { cwd });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format: got "xml", expected one of junit, markdown, json/);
  });
});

test("list and trend name the run files they skip on stderr; stdout keeps the readable runs", async () => {
  const cwd = await tempProject();
  const saved = await runCli(
    [...RUN, "--agent", "./agent.ts#good", "--run-id", "fine", "--label", "ci"],
    { cwd },
  );
  assert.equal(saved.code, 0, saved.stderr);
  await writeFile(join(cwd, ".ag2-eval/runs/broken.json"), "{ not json");
  const list = await runCli(["list", "--json"], { cwd });
  assert.equal(list.code, 0, list.stderr);
  assert.deepEqual(
    JSON.parse(list.stdout).map((run: { runId: string }) => run.runId),
    ["fine"],
  );
  assert.match(list.stderr, /^warning: skipped .*broken\.json/m);
  assert.match(list.stderr, /1 file\(s\) in the store could not be read/);
  assert.doesNotMatch(list.stderr, /fine\.json/);
  const trend = await runCli(["trend", "--label", "ci"], { cwd });
  assert.equal(trend.code, 0, trend.stderr);
  assert.match(trend.stderr, /^warning: skipped .*broken\.json/m);
  const clean = await runCli(["list"], { cwd: await tempProject() });
  assert.equal(clean.stderr, "", "no warning without a bad file");
});

test("a --store that is a file, or a pairwise comparison given to show, is one clear line, exit 2", async () => {
  const cwd = await tempProject();
  const list = await runCli(["list", "--store", "suite.jsonl"], { cwd });
  assert.equal(list.code, 2, list.stderr);
  assert.match(
    list.stderr,
    /^error: run store: cannot list .*suite\.jsonl: ENOTDIR.*expected a folder there, got a file/,
  );
  assert.match(list.stderr, /\nhint: --store \(or AG2_EVAL_STORE\) names the folder of saved runs/);
  const compared = await runCli(
    [
      "pairwise",
      "suite.jsonl",
      "--a",
      "./agent.ts#good",
      "--b",
      "./agent.ts#good",
      "--comparators",
      "./sweep.mjs#comparators",
      "--run-id",
      "pw",
    ],
    { cwd },
  );
  if (compared.code !== 0) return assert.fail(compared.stderr);
  const show = await runCli(["show", "pw"], { cwd });
  assert.equal(show.code, 2, show.stderr);
  assert.match(show.stderr, /^error: .*pw\.json: expected a run file, got a pairwise comparison/);
});
