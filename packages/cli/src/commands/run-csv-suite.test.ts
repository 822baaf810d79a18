import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// the same three tasks as the JSONL fixture, one answer holding a comma and a quoted line break
const CSV = [
  "id,question,gold,labels",
  "a,hello,HELLO,greet;short",
  'b,"world, again","WORLD, AGAIN",',
  'c,"two',
  'lines","TWO',
  'LINES",long',
  "",
].join("\n");

interface RunJson {
  tasks: { task_id: string; inputs: { input: string }; tags: string[] }[];
  aggregates: { pass_rate: Record<string, number> };
}

const SCORERS = ["--agent", "./agent.ts#good", "--scorers", "./scorers.mjs", "--json"];

describe("ag2-eval run on a CSV or JSON suite", () => {
  test("--map names the columns; every task runs and passes", async () => {
    const cwd = await tempProject({ "qa.csv": CSV });
    const map = [
      "--map",
      "task_id=id",
      "--map",
      "inputs.input=question",
      "--map",
      "reference_outputs.answer=gold",
      "--map",
      "tags=labels",
    ];
    const result = await runCli(["run", "qa.csv", ...map, ...SCORERS], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const { run } = JSON.parse(result.stdout) as { run: RunJson };
    assert.deepEqual(
      run.tasks.map((t) => [t.task_id, t.inputs.input, t.tags]),
      [
        ["a", "hello", ["greet", "short"]],
        ["b", "world, again", []],
        ["c", "two\nlines", ["long"]],
      ],
    );
    assert.deepEqual(run.aggregates.pass_rate, { correct: 1 });
  });

  test("config suiteMapping works for a JSON array suite", async () => {
    const json = JSON.stringify([
      { id: "x", q: "hi", a: "HI" },
      { id: "y", q: "yo", a: "YO" },
    ]);
    const config = `export default { suite: "qa.json", suiteMapping: { taskId: "id", inputs: "q", referenceOutputs: { answer: "a" } } };`;
    const cwd = await tempProject({ "qa.json": json, "ag2-eval.config.mjs": config });
    const result = await runCli(["run", ...SCORERS], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const { run } = JSON.parse(result.stdout) as { run: RunJson };
    assert.deepEqual(
      run.tasks.map((t) => [t.task_id, t.inputs.input]),
      [
        ["x", "hi"],
        ["y", "yo"],
      ],
    );
    assert.deepEqual(run.aggregates.pass_rate, { correct: 1 });
  });

  test("a mapping naming a missing column and a ragged row are one clear line each", async () => {
    const cwd = await tempProject({ "qa.csv": CSV, "ragged.csv": "id,question\na,hi,extra\n" });
    const missing = await runCli(["run", "qa.csv", "--map", "inputs.input=prompt", ...SCORERS], {
      cwd,
    });
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(
      missing.stderr,
      /qa\.csv: suite mapping inputs\.input names column 'prompt', which is not there; columns: id, question, gold, labels/,
    );
    // no input column and no mapping: the error is the reference's, the hint names the fix
    const unmapped = await runCli(["run", "qa.csv", ...SCORERS], { cwd });
    assert.equal(unmapped.code, 2, unmapped.stderr);
    assert.match(unmapped.stderr, /have no 'input' key/);
    assert.match(
      unmapped.stderr,
      /\nhint: a CSV suite's prompt is its input column .*--map inputs\.input=<column>/,
    );
    const ragged = await runCli(["run", "ragged.csv", ...SCORERS], { cwd });
    assert.match(
      ragged.stderr,
      /ragged\.csv: row 1 \(line 2\), column 3: got 3 fields, expected 2/,
    );
    assert.ok(!ragged.stderr.includes("    at "), "no stack trace");
    // the hint describes the format the file is in, not a JSONL suite's lines
    assert.match(
      ragged.stderr,
      /\nhint: a CSV suite has a header row and as many fields in every row/,
    );
    assert.doesNotMatch(ragged.stderr, /each non-blank line/);
    const notArray = await runCli(["run", "one.json", ...SCORERS], {
      cwd: await tempProject({ "one.json": '{"task_id":"a","inputs":{"input":"x"}}' }),
    });
    assert.equal(notArray.code, 2, notArray.stderr);
    assert.match(notArray.stderr, /\nhint: a JSON suite is one array of task objects/);
    const badFlag = await runCli(["run", "qa.csv", "--map", "answer=gold", ...SCORERS], { cwd });
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /--map: got "answer=gold", expected <part>=<column>/);
  });
});
