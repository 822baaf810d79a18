import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, tempProject } from "./__fixtures__/run-cli.js";

const STACK_LINE = /\n\s+at /;

describe("usage errors", () => {
  test("an unknown flag exits 2 with a one-line message, a hint, and no stack trace", async () => {
    const cwd = await tempProject();
    const { code, stdout, stderr } = await runCli(["run", "suite.jsonl", "--concurency", "3"], {
      cwd,
    });
    assert.equal(code, 2);
    assert.equal(stdout, "");
    assert.equal(
      stderr,
      "error: ag2-eval run: unknown flag --concurency\nhint: did you mean --concurrency? (ag2-eval run --help lists its flags)\n",
    );
    const debug = await runCli(["run", "suite.jsonl", "--concurency", "3", "--debug"], { cwd });
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, STACK_LINE, "--debug shows the stack");
  });

  test("bad values, a missing agent and an unknown command exit 2 naming what was wrong", async () => {
    const cwd = await tempProject();
    const repeats = await runCli(
      ["run", "suite.jsonl", "--agent", "./agent.ts", "--repeats", "two"],
      { cwd },
    );
    assert.equal(repeats.code, 2);
    assert.match(repeats.stderr, /^error: --repeats: got "two", expected a whole number >= 1\n/);
    const rate = await runCli(
      ["run", "suite.jsonl", "--agent", "./agent.ts", "--min-pass-rate", "correct"],
      { cwd },
    );
    assert.match(
      rate.stderr,
      /--min-pass-rate: got "correct", expected <key>=<rate between 0 and 1>/,
    );
    const noAgent = await runCli(["run", "suite.jsonl"], { cwd });
    assert.equal(noAgent.code, 2);
    assert.match(noAgent.stderr, /^error: no agent to run\nhint: pass --agent/);
    const noExport = await runCli(["run", "suite.jsonl", "--agent", "./agent.ts#missing"], { cwd });
    assert.equal(noExport.code, 2);
    assert.match(noExport.stderr, /has no export "missing" \(exports: .*good/);
    const badSuite = await runCli(["run", "nope.jsonl", "--agent", "./agent.ts"], { cwd });
    assert.equal(badSuite.code, 2);
    assert.match(badSuite.stderr, /nope\.jsonl/);
    const unknown = await runCli(["rn"], { cwd });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "rn"/);
    for (const result of [repeats, rate, noAgent, noExport, badSuite, unknown]) {
      assert.doesNotMatch(result.stderr, STACK_LINE);
    }
  });

  test("--version, --help and per-command --help", async () => {
    const cwd = await tempProject();
    const manifest = JSON.parse(
      await readFile(new URL("../package.json", import.meta.url), "utf8"),
    );
    assert.equal((await runCli(["--version"], { cwd })).stdout, `${manifest.version}\n`);
    const help = await runCli(["run", "--help"], { cwd });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: ag2-eval run/);
    assert.match(help.stdout, /--min-pass-rate <key>=<0\.\.1>/);
    const bare = await runCli([], { cwd });
    assert.equal(bare.code, 2, "no command is a usage error");
    assert.match(bare.stderr, /Commands:\n {2}run/);
  });
});

describe("ag2-eval.config.ts", () => {
  const CONFIG = `
import { defineConfig } from "@ag2/eval-cli";
export default defineConfig({
  suite: "suite.jsonl",
  agent: "./agent.ts#flaky",
  scorers: "./scorers.mjs",
  label: "from-config",
  concurrency: 2,
  minPassRate: { correct: 0.5 },
});
`;

  test("supplies the settings; flags override them; its gates apply", async () => {
    const cwd = await tempProject({ "ag2-eval.config.ts": CONFIG });
    const fromConfig = await runCli(["run", "--json"], { cwd });
    assert.equal(fromConfig.code, 0, fromConfig.stderr);
    const document = JSON.parse(fromConfig.stdout);
    assert.equal(document.run.label, "from-config");
    assert.equal(document.run.concurrency, 2);
    assert.equal(document.run.aggregates.pass_rate.correct, 2 / 3);
    assert.equal(document.gates.passed, true);
    const overridden = await runCli(
      ["run", "--json", "--label", "from-flag", "--min-pass-rate", "correct=0.9"],
      { cwd },
    );
    assert.equal(overridden.code, 1, "the flag's stricter gate replaces the config's");
    assert.equal(JSON.parse(overridden.stdout).run.label, "from-flag");
  });

  test("an invalid config exits 2 naming the file and the field", async () => {
    const cwd = await tempProject({
      "ag2-eval.config.ts": `export default { suite: "suite.jsonl", agent: "./agent.ts", concurrency: "4" };`,
    });
    const { code, stderr } = await runCli(["run"], { cwd });
    assert.equal(code, 2);
    assert.equal(
      stderr.split("\n")[0],
      `error: ${join(cwd, "ag2-eval.config.ts")}: field "concurrency": got "4" (a string), expected a whole number >= 1`,
    );
    assert.doesNotMatch(stderr, STACK_LINE);
    const unknown = await tempProject({
      "ag2-eval.config.ts": `export default { concurrancy: 4 };`,
    });
    const typo = await runCli(["list"], { cwd: unknown });
    assert.equal(typo.code, 2);
    assert.match(
      typo.stderr,
      /field "concurrancy": unknown setting; did you mean "concurrency"\? \(expected one of: suite, suiteMapping, agent/,
    );
    const json = await runCli(["list", "--config", "settings.json"], {
      cwd: await tempProject({ "settings.json": '{ "suite": "suite.jsonl" }' }),
    });
    assert.equal(json.code, 2, json.stderr);
    assert.match(
      json.stderr,
      /^error: --config: got a \.json file \(.*settings\.json\), expected a module/,
    );
    // the hint points at where the settings are listed (the global --help does not list them)
    assert.match(typo.stderr, /\nhint: .*ag2-eval run --help lists them/);
  });

  test("a config with a syntax error names the file, line, column and esbuild's message on one line", async () => {
    const cwd = await tempProject({
      "ag2-eval.config.ts": `export default {\n  suite: "suite.jsonl",\n  agent: ,\n};\n`,
    });
    const { code, stderr } = await runCli(["run"], { cwd });
    const path = join(cwd, "ag2-eval.config.ts");
    assert.equal(code, 2);
    assert.equal(
      stderr,
      `error: ${path}: config: importing ${path} failed: ${path}:3:10: Unexpected ","\n` +
        "hint: fix the configuration file (its settings are the flags, camelCased: ag2-eval run --help lists them)\n",
    );
  });

  test("an invalid option value from the runner names the flag that sets it, not --debug", async () => {
    const cwd = await tempProject();
    const args = ["run", "suite.jsonl", "--agent", "./agent.ts", "--run-id", "../x"];
    const { code, stderr } = await runCli(args, { cwd });
    assert.equal(code, 2);
    const [message, hint] = stderr.split("\n");
    assert.match(message ?? "", /^error: runAgent: option 'runId' .*got "\.\.\/x"$/);
    assert.equal(
      hint,
      "hint: option 'runId' is what --run-id sets (ag2-eval run --help lists its flags)",
    );
  });

  test("an agent file that is missing and an agent whose own import is missing get different errors", async () => {
    const cwd = await tempProject({
      "package.json": `{ "type": "module" }`,
      "needs-package.mjs": `import "not-installed-package";\nexport default () => "x";\n`,
    });
    const missing = await runCli(["run", "suite.jsonl", "--agent", "./nowhere.mjs"], { cwd });
    assert.equal(missing.code, 2);
    assert.equal(
      missing.stderr.split("\n")[0],
      `error: --agent: cannot find ${join(cwd, "nowhere.mjs")}`,
    );
    const broken = await runCli(["run", "suite.jsonl", "--agent", "./needs-package.mjs"], { cwd });
    assert.equal(broken.code, 2);
    const path = join(cwd, "needs-package.mjs");
    assert.match(
      broken.stderr.split("\n")[0] ?? "",
      new RegExp(
        `^error: --agent: importing ${path} failed: Cannot find package 'not-installed-package'`,
      ),
    );
    assert.doesNotMatch(broken.stderr, /cannot find .*needs-package/);
    assert.doesNotMatch(broken.stderr, STACK_LINE);
  });
});

describe("ag2-eval grade", () => {
  test("grades a directory of saved traces with the same feedback the live run gave", async () => {
    const cwd = await tempProject({ "package.json": `{ "type": "module" }` });
    const live = await runCli(
      [
        "run",
        "suite.jsonl",
        "--agent",
        "./traced-agent.ts#traced",
        "--scorers",
        "./scorers.mjs",
        "--save-traces",
        "traces",
        "--json",
      ],
      { cwd },
    );
    assert.equal(live.code, 0, live.stderr);
    const graded = await runCli(
      [
        "grade",
        "traces",
        "--suite",
        "suite.jsonl",
        "--scorers",
        "./scorers.mjs",
        "--run-id",
        "g1",
        "--json",
      ],
      { cwd },
    );
    assert.equal(graded.code, 0, graded.stderr);
    const byTask = (run: { tasks: { task_id: string; feedback: unknown[] }[] }) =>
      Object.fromEntries(run.tasks.map((task) => [task.task_id, task.feedback]));
    const liveRun = JSON.parse(live.stdout).run;
    const gradedRun = JSON.parse(graded.stdout).run;
    assert.equal(gradedRun.run_id, "g1");
    assert.equal(gradedRun.tasks.length, 3);
    assert.deepEqual(byTask(gradedRun), byTask(liveRun));
    assert.equal(gradedRun.aggregates.pass_rate.correct, 2 / 3);
  });

  test("a folder without trace files is refused, exit 2, and no empty run is saved", async () => {
    const cwd = await tempProject({ "traces/notes.txt": "not a trace\n" });
    const graded = await runCli(["grade", "traces", "--scorers", "./scorers.mjs"], { cwd });
    assert.equal(graded.code, 2, graded.stderr);
    assert.equal(
      graded.stderr.split("\n")[0],
      `error: ag2-eval grade: ${join(cwd, "traces")}: got a folder without trace files (*.json), expected at least one`,
    );
    const listed = await runCli(["list"], { cwd });
    assert.match(listed.stdout, /no runs saved yet/);
  });
});
