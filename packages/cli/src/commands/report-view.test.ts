import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { fsRunStore } from "@ag2/eval";
import { BIN, runCli, tempProject } from "../__fixtures__/run-cli.js";

const RUN = ["run", "suite.jsonl", "--scorers", "./scorers.mjs"];

/** The data a report embeds. */
async function reportData(
  path: string,
): Promise<{ kind: string; runs: { runId: string }[] } & Record<string, unknown>> {
  const html = await readFile(path, "utf8");
  const json = /<script type="application\/json" id="ag2-report-data">(.*?)<\/script>/s.exec(
    html,
  )?.[1];
  assert.ok(json, "the report embeds its data");
  return JSON.parse(json);
}

describe("ag2-eval report and export --format html", () => {
  let cwd = "";
  before(async () => {
    cwd = await tempProject();
    for (const [agent, id] of [
      ["good", "base"],
      ["flaky", "head"],
    ]) {
      const run = await runCli([...RUN, "--agent", `./agent.ts#${agent}`, "--run-id", id!], {
        cwd,
      });
      assert.equal(run.code, 0, run.stderr);
    }
  });

  test("one run, two runs compared, a run file by path", async () => {
    const one = await runCli(["report", "latest", "-o", "one.html"], { cwd });
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /^wrote .*one\.html \(\d+ KB\)\n$/);
    const data = await reportData(join(cwd, "one.html"));
    assert.equal(data.kind, "run");
    assert.deepEqual(
      data.runs.map((r) => r.runId),
      ["head"],
    );

    const compare = await runCli(["report", "base", "head", "-o", "compare.html"], { cwd });
    assert.equal(compare.code, 0, compare.stderr);
    const compared = await reportData(join(cwd, "compare.html"));
    assert.equal(compared.kind, "compare");
    assert.equal((compared.comparison as { flips: unknown[] }).flips.length, 1);

    const byPath = await runCli(["report", ".ag2-eval/runs/base.json"], { cwd });
    assert.equal(byPath.code, 0, byPath.stderr);
    assert.deepEqual(
      (await reportData(join(cwd, "report.html"))).runs.map((r) => r.runId),
      ["base"],
    );
  });

  test("a variants sweep and a pairwise run by id", async () => {
    const sweep = await runCli(
      [
        "variants",
        "suite.jsonl",
        "--variants",
        "./sweep.mjs#variants",
        "--scorers",
        "./scorers.mjs",
        "--run-id",
        "sw",
      ],
      { cwd },
    );
    assert.equal(sweep.code, 0, sweep.stderr);
    const report = await runCli(["report", "sw", "-o", "sweep.html"], { cwd });
    assert.equal(report.code, 0, report.stderr);
    const data = await reportData(join(cwd, "sweep.html"));
    assert.equal(data.kind, "variants");
    assert.equal(data.runs.length, 2);
  });

  test("export --format html writes the run's report", async () => {
    const out = await runCli(["export", "base", "--format", "html", "-o", "base.html"], { cwd });
    assert.equal(out.code, 0, out.stderr);
    assert.equal((await reportData(join(cwd, "base.html"))).kind, "run");
  });

  test("bad input: one clear line, exit 2, nothing written", async () => {
    await writeFile(join(cwd, "broken.json"), "{ not json", "utf8");
    await writeFile(
      join(cwd, "not-a-run.json"),
      JSON.stringify({ schema_version: "0.1", run_id: 5 }),
      "utf8",
    );
    const cases: [string[], RegExp][] = [
      [
        ["report", "missing.json", "-o", "out.html"],
        /^error: ag2-eval report: no such file .*missing\.json$/m,
      ],
      [
        ["report", "broken.json", "-o", "out.html"],
        /^error: ag2-eval report: .*broken\.json is not JSON/m,
      ],
      [["report", "not-a-run.json", "-o", "out.html"], /^error: .*not-a-run\.json.*run_id/m],
      [["report", "no-such-run", "-o", "out.html"], /^error: .*no run with id "no-such-run"/m],
      [
        // a missing folder is made; one that is a file cannot be
        ["report", "base", "-o", "suite.jsonl/out.html"],
        /^error: cannot write the report to .*out\.html \(E(NOTDIR|EXIST)\)$/m,
      ],
      [
        ["export", "no-such-run", "--format", "html", "-o", "out.html"],
        /^error: .*no run with id "no-such-run"/m,
      ],
    ];
    for (const [args, expected] of cases) {
      const result = await runCli(args, { cwd });
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, expected);
      assert.equal(result.stderr.split("\n").filter((line) => line.startsWith("error:")).length, 1);
      assert.equal(existsSync(join(cwd, "out.html")), false, args.join(" "));
      assert.equal(existsSync(join(cwd, "no", "such")), false);
    }
  });
});

/** Starts `ag2-eval view` and resolves once it printed its address. */
function startViewer(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, "view", ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      const found = /(http:\/\/[^\s/]+:\d+\/)/.exec(stdout)?.[1];
      if (found) resolve(found);
    });
    void exited.then((code) => reject(new Error(`view exited ${code}: ${stderr}`)));
  });
  return { child, url, exited, stderr: () => stderr };
}

describe("ag2-eval view", () => {
  test("serves the store, a run in progress from its journal, and refuses a taken port", async () => {
    const cwd = await tempProject();
    const saved = await runCli([...RUN, "--agent", "./agent.ts#good", "--run-id", "done"], { cwd });
    assert.equal(saved.code, 0, saved.stderr);
    const store = fsRunStore(join(cwd, ".ag2-eval", "runs"));
    const done = await store.load("done");
    const journal = await store.openJournal({
      runId: "live",
      label: null,
      createdAt: "2026-12-06T09:00:00.000000+00:00",
      target: "good",
      concurrency: 1,
      suite: done.suite,
      taskIds: done.tasks.map((t) => t.task.taskId),
    });
    await journal.append(done.tasks[0]!);

    const viewer = startViewer(cwd, ["--port", "0"]);
    const url = await viewer.url;
    const runs = (await (await fetch(`${url}api/runs`)).json()) as {
      runId: string;
      inProgress: unknown;
    }[];
    assert.deepEqual(
      runs.map((r) => [r.runId, r.inProgress]),
      [
        ["live", { done: 1, expected: 3 }],
        ["done", null],
      ],
    );
    await journal.append(done.tasks[1]!);
    const live = (await (await fetch(`${url}api/runs/live`)).json()) as { tasks: unknown[] };
    assert.equal(live.tasks.length, 2);
    const latest = (await (await fetch(`${url}api/runs/latest`)).json()) as { runId: string };
    assert.equal(latest.runId, "done");
    assert.equal((await fetch(`${url}api/runs/..%2F..%2Fpackage.json`)).status, 404);
    assert.equal((await fetch(`${url}suite.jsonl`)).status, 404);
    assert.equal((await fetch(url, { method: "POST" })).status, 405);

    const port = new URL(url).port;
    const second = await runCli(["view", "--port", port], { cwd });
    assert.equal(second.code, 2);
    assert.match(
      second.stderr,
      new RegExp(`^error: ag2-eval view: port ${port} is already in use$`, "m"),
    );
    assert.match(second.stderr, /^hint: --port picks another port/m);
    // an address that is not this machine's is a --host problem, and the hint says so
    const foreign = await runCli(["view", "--port", "0", "--host", "192.0.2.1"], { cwd });
    assert.equal(foreign.code, 2, foreign.stderr);
    assert.match(foreign.stderr, /^error: ag2-eval view: cannot listen on 192\.0\.2\.1/m);
    assert.match(foreign.stderr, /^hint: --host takes an address of this machine/m);

    viewer.child.kill("SIGINT");
    assert.equal(await viewer.exited, 0, viewer.stderr());
    assert.doesNotMatch(viewer.stderr(), /warning/, "127.0.0.1 is only this machine");
    await journal.close();

    // every interface: it serves, and says who can now read the runs
    const open = startViewer(cwd, ["--port", "0", "--host", "0.0.0.0"]);
    const address = await open.url;
    const port0 = new URL(address).port;
    assert.equal((await fetch(`http://127.0.0.1:${port0}/api/runs`)).status, 200);
    open.child.kill("SIGINT");
    assert.equal(await open.exited, 0, open.stderr());
    assert.match(
      open.stderr(),
      /^warning: --host 0\.0\.0\.0: anyone who can reach this address can read every run in .*; the viewer has no password$/m,
    );
  });
});
