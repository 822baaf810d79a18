import assert from "node:assert/strict";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  type CommandRun,
  EXAMPLE_DIR,
  type JobMachine,
  jobMachine,
  removeMachines,
} from "./__fixtures__/job-machine.js";
import { readWorkflow, type WorkflowJob } from "./__fixtures__/read-workflow.js";

const RUN_ID = "ci-4242-1";
const PREFIX = "examples/ci-shards/";

interface RunFile {
  run_id: string;
  suite: { name: string; size: number };
  tasks: Record<string, unknown>[];
  aggregates: unknown;
  merged_from?: string[];
}

/** The workflow's placeholders: GitHub's expressions and the shell's variable. */
const SLOT = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
  shard: "${{ matrix.shard }}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
  envRunId: "${{ env.RUN_ID }}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, not a template
  runId: "${RUN_ID}",
};
/** A `run:` line or a path with the values GitHub and the shell would put in. */
const fill = (text: string, shard?: string): string =>
  text
    .replaceAll(SLOT.shard, shard ?? "<no shard here>")
    .replaceAll(SLOT.envRunId, RUN_ID)
    .replaceAll(SLOT.runId, RUN_ID);
/** The `ag2-eval` commands of a job, each `&&` part on its own. */
const commandsOf = (job: WorkflowJob): string[] =>
  job.steps.flatMap((step) =>
    step.run?.includes("ag2-eval") ? step.run.split("&&").map((part) => part.trim()) : [],
  );
const inExample = (path: string): string => {
  assert.ok(path.startsWith(PREFIX), `${path} is not under ${PREFIX}`);
  return path.slice(PREFIX.length);
};
const readRun = async (dir: string, id: string): Promise<RunFile> =>
  JSON.parse(await readFile(join(dir, "runs", `${id}.json`), "utf8")) as RunFile;
/** A task without what differs between two runs of a deterministic agent: times, trace ids, stacks (they name the checkout's folder). */
const graded = (run: RunFile): unknown[] =>
  run.tasks.map((task) =>
    JSON.parse(JSON.stringify(task), (key, value) =>
      ["created_at", "duration_ms", "trace_id", "stack"].includes(key) ? undefined : value,
    ),
  );
const ok = (run: CommandRun): void =>
  assert.equal(run.code, 0, `${run.command} exited ${run.code}:\n${run.stderr}`);

describe("the ci-shards workflow, run here: 4 shard machines, then the merge job", () => {
  let jobs: Record<string, WorkflowJob> = {};
  const machines: JobMachine[] = [];
  let shardMachines: JobMachine[] = [];
  let single: JobMachine;
  let merger: JobMachine;
  const mergeRuns: CommandRun[] = [];

  before(async () => {
    jobs = readWorkflow(await readFile(join(EXAMPLE_DIR, "eval-shards.yml"), "utf8"));
    const shardJob = jobs.shard;
    assert.ok(shardJob, "the workflow has a 'shard' job");
    const shards = shardJob.matrix.shard ?? [];
    shardMachines = await Promise.all(shards.map(() => jobMachine()));
    single = await jobMachine();
    merger = await jobMachine();
    machines.push(...shardMachines, single, merger);
    // the shard processes run at once, as the matrix's jobs do, beside one whole-suite run
    const [whole, ...shardRuns] = await Promise.all([
      single.exec(`pnpm exec ag2-eval run --run-id ${RUN_ID}-whole`),
      ...shards.map(async (shard, at) => {
        const machine = shardMachines[at] as JobMachine;
        const runs: CommandRun[] = [];
        for (const command of commandsOf(shardJob))
          runs.push(await machine.exec(fill(command, shard)));
        return runs;
      }),
    ]);
    for (const run of [whole, ...shardRuns.flat()]) ok(run as CommandRun);
    // upload-artifact from each shard, then download-artifact with merge-multiple
    const upload = shardJob.steps.find((step) => step.uses?.startsWith("actions/upload-artifact"));
    const download = jobs.merge?.steps.find((step) =>
      step.uses?.startsWith("actions/download-artifact"),
    );
    assert.equal(download?.with["merge-multiple"], "true");
    const into = join(merger.dir, inExample(download?.with.path ?? ""));
    await mkdir(into, { recursive: true });
    for (const [at, shard] of shards.entries()) {
      const file = join(
        (shardMachines[at] as JobMachine).dir,
        inExample(fill(upload?.with.path ?? "", shard)),
      );
      await copyFile(file, join(into, basename(file)));
    }
    for (const command of commandsOf(jobs.merge as WorkflowJob)) {
      mergeRuns.push(await merger.exec(fill(command)));
    }
  });
  after(() => removeMachines(machines));

  test("the matrix has 4 shards, each running the run the test runs; actions and Node are pinned", () => {
    const shardJob = jobs.shard as WorkflowJob;
    assert.deepEqual(shardJob.matrix.shard, ["1", "2", "3", "4"]);
    assert.deepEqual(commandsOf(shardJob), [
      `pnpm exec ag2-eval run --shard ${SLOT.shard}/4 --run-id ${SLOT.runId}-s${SLOT.shard}`,
    ]);
    assert.equal(jobs.merge?.needs, "shard");
    const uses = Object.values(jobs).flatMap((job) => job.steps.flatMap((step) => step.uses ?? []));
    for (const action of uses)
      assert.match(action, /@v\d+$/, `${action} is not pinned to a major version`);
    for (const action of ["checkout", "setup-node", "upload-artifact", "download-artifact"]) {
      assert.ok(uses.includes(`actions/${action}@v4`), `actions/${action}@v4 is used`);
    }
    const nodes = Object.values(jobs).flatMap((job) =>
      job.steps.flatMap((step) => step.with["node-version"] ?? []),
    );
    assert.deepEqual(nodes, ["20", "20"]);
  });

  test("the merge job merges all 4 shards, gates on the baseline and writes JUnit and HTML, each step exit 0", async () => {
    assert.deepEqual(
      mergeRuns.map(({ command }) => command.split(" ").slice(0, 5).join(" ")),
      [
        `pnpm exec ag2-eval merge ${RUN_ID}-s1`,
        `pnpm exec ag2-eval diff ${RUN_ID}`,
        "mkdir -p reports",
        `pnpm exec ag2-eval export ${RUN_ID}`,
        `pnpm exec ag2-eval report ${RUN_ID}`,
      ],
    );
    for (const run of mergeRuns) ok(run);
    assert.match(mergeRuns[1]?.command ?? "", /--fail-on-significant-regression/);
    const merged = await readRun(merger.dir, RUN_ID);
    assert.deepEqual(
      merged.merged_from,
      [1, 2, 3, 4].map((i) => `${RUN_ID}-s${i}`),
    );
    const junit = await readFile(join(merger.dir, "reports", "junit.xml"), "utf8");
    assert.equal(junit.match(/<testcase /g)?.length, 48);
    assert.match(
      junit,
      /<testsuites name="ag2-eval ci-4242-1" tests="48" failures="10" errors="0"/,
    );
    const html = await readFile(join(merger.dir, "reports", "report.html"), "utf8");
    assert.match(html, /^<!doctype html>/i);
    assert.ok(html.includes(RUN_ID), "the report names the merged run");
  });

  test("the merged run equals one process's run: same tasks, feedback and aggregates", async () => {
    const merged = await readRun(merger.dir, RUN_ID);
    const whole = await readRun(single.dir, `${RUN_ID}-whole`);
    const shards = await Promise.all(
      shardMachines.map((machine, at) => readRun(machine.dir, `${RUN_ID}-s${at + 1}`)),
    );
    // every shard did part of the work, and no task twice
    for (const shard of shards) assert.ok(shard.tasks.length > 0 && shard.tasks.length < 48);
    assert.equal(
      shards.reduce((sum, shard) => sum + shard.tasks.length, 0),
      48,
    );
    assert.deepEqual(graded(merged), graded(whole));
    assert.deepEqual(merged.aggregates, whole.aggregates);
    assert.deepEqual([merged.suite.name, merged.suite.size], [whole.suite.name, whole.suite.size]);
  });

  test("the committed baseline is what the suite and agent give today", async () => {
    const baseline = await readRun(EXAMPLE_DIR, "baseline");
    const whole = await readRun(single.dir, `${RUN_ID}-whole`);
    assert.deepEqual(
      graded(baseline),
      graded(whole),
      "runs/baseline.json is stale: refresh it (README.md, 'The baseline')",
    );
    assert.deepEqual(baseline.aggregates, whole.aggregates);
  });

  test("a missing shard makes the merge fail with exit 2, naming it", async () => {
    const merge = commandsOf(jobs.merge as WorkflowJob)[0] ?? "";
    const without3 = fill(merge)
      .replace(` ${RUN_ID}-s3 `, " ")
      .replace(`--run-id ${RUN_ID}`, `--run-id ${RUN_ID}-partial`);
    const run = await merger.exec(without3);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /missing shard 3\/4/);
  });
});
