import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { resolveSuite } from "./resolve-suite.js";
import { Suite } from "./suite.js";
import { SuiteFileError } from "./suite-file-error.js";
import type { SuiteMapping } from "./suite-mapping.js";

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "ag2-suite-files-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function fileError(path: string, mapping?: SuiteMapping): Promise<SuiteFileError> {
  try {
    await Suite.fromFile(path, mapping === undefined ? {} : { mapping });
  } catch (error) {
    assert.ok(SuiteFileError.isInstance(error), `expected SuiteFileError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${path} to be refused`);
}

describe("Suite.fromCsv", () => {
  it("maps the default columns, keeping quoted commas, quotes and line breaks", async () => {
    const path = await write(
      "qa.csv",
      [
        "task_id,input,expected,tags,metadata.source",
        'fr,"Capital of France, please?",Paris,geo; easy,atlas',
        'poem,"Line one',
        'line ""two""",ok,,',
        "",
      ].join("\r\n"),
    );
    const suite = await Suite.fromCsv(path);
    assert.equal(suite.name, "qa");
    assert.equal(suite.source, path);
    assert.deepEqual(
      suite.tasks.map((t) => [t.taskId, t.inputs, t.referenceOutputs, t.tags, t.metadata]),
      [
        [
          "fr",
          { input: "Capital of France, please?" },
          { expected: "Paris" },
          ["geo", "easy"],
          { source: "atlas" },
        ],
        ["poem", { input: 'Line one\r\nline "two"' }, { expected: "ok" }, [], { source: "" }],
      ],
    );
  });

  it("takes input./reference. prefixed columns and numbers tasks by row without task_id", async () => {
    const path = await write(
      "prefixed.csv",
      "inputs.question,input.lang,reference.answer\nWho?,en,Ada\nWo?,de,Ada\n",
    );
    const suite = await resolveSuite(path);
    assert.deepEqual(
      suite.tasks.map((t) => [t.taskId, t.inputs, t.referenceOutputs]),
      [
        ["task-0000", { question: "Who?", lang: "en" }, { answer: "Ada" }],
        ["task-0001", { question: "Wo?", lang: "de" }, { answer: "Ada" }],
      ],
    );
  });

  it("follows a mapping, the parts it leaves out falling back to the defaults", async () => {
    const path = await write("mapped.csv", "id,question,gold,labels,tags\n1,2+2?,4,math|easy,x\n");
    const suite = await Suite.fromCsv(path, {
      mapping: {
        taskId: "id",
        inputs: "question",
        referenceOutputs: { answer: "gold" },
        tags: "labels",
        tagSeparator: "|",
      },
    });
    const [task] = suite.tasks;
    assert.equal(task?.taskId, "1");
    assert.deepEqual(task?.inputs, { input: "2+2?" });
    assert.deepEqual(task?.referenceOutputs, { answer: "4" });
    assert.deepEqual(task?.tags, ["math", "easy"]);
  });

  it("refuses a ragged row naming the file, row, line and column", async () => {
    const path = await write("ragged.csv", 'task_id,input\na,"x\ny"\nb,two,three\n');
    const error = await fileError(path);
    assert.equal(
      error.message,
      `${path}: row 2 (line 4), column 3: got 3 fields, expected 2 as in the header (task_id, input)`,
    );
    assert.equal(error.line, 4);
  });

  it("refuses a mapping naming a missing column, listing the columns there are", async () => {
    const path = await write("missing.csv", "id,question\n1,hi\n");
    const error = await fileError(path, { inputs: { input: "prompt" } });
    assert.equal(
      error.message,
      `${path}: suite mapping inputs.input names column 'prompt', which is not there; columns: id, question`,
    );
  });

  it("refuses duplicate ids as JSONL does, naming both rows", async () => {
    const path = await write("dup.csv", "task_id,input\na,1\nb,2\na,3\n");
    const error = await fileError(path);
    assert.equal(
      error.message,
      `${path}: row 3 (line 4): duplicate task_id 'a' (first on row 1 (line 2))`,
    );
    assert.equal(error.field, "task_id");
  });

  it("reports an unclosed quote, an empty file and a repeated header with their lines", async () => {
    const quote = await write("quote.csv", 'task_id,input\na,"open\n');
    assert.match(
      (await fileError(quote)).message,
      /quote\.csv: line \d+ is not valid CSV: .*quote/i,
    );
    const empty = await write("empty.csv", "");
    assert.equal(
      (await fileError(empty)).message,
      `${empty}: empty CSV, expected a header row of column names`,
    );
    const twice = await write("twice.csv", "input,input\n1,2\n");
    assert.equal(
      (await fileError(twice)).message,
      `${twice}: line 1, column 2: header name 'input' is repeated; each column needs its own name`,
    );
  });

  it("names a missing file as a CSV suite", async () => {
    const path = join(dir, "nope.csv");
    assert.equal(
      (await fileError(path)).message,
      `${path}: no such file (expected a CSV suite file)`,
    );
  });
});

describe("Suite.fromJson", () => {
  it("reads an array of task records, or maps fields when given a mapping", async () => {
    const plain = await write(
      "plain.json",
      JSON.stringify([
        { task_id: "a", inputs: { input: "hi" }, tags: ["x"] },
        { inputs: { input: "yo" } },
      ]),
    );
    const suite = await resolveSuite(plain);
    assert.deepEqual(
      suite.tasks.map((t) => [t.taskId, t.inputs, t.tags]),
      [
        ["a", { input: "hi" }, ["x"]],
        ["task-0001", { input: "yo" }, []],
      ],
    );
    const mapped = await write(
      "mapped.json",
      JSON.stringify([{ id: "q1", q: "2+2?", a: 4, tags: "m;e" }]),
    );
    const [task] = (
      await Suite.fromJson(mapped, {
        mapping: { taskId: "id", inputs: "q", referenceOutputs: { answer: "a" }, tags: "tags" },
      })
    ).tasks;
    assert.deepEqual(
      [task?.taskId, task?.inputs, task?.referenceOutputs, task?.tags],
      ["q1", { input: "2+2?" }, { answer: 4 }, ["m", "e"]],
    );
  });

  it("names the line an element starts on, skipping brackets inside strings", async () => {
    const path = await write(
      "bad.json",
      '[\n  {"task_id": "a", "inputs": {"input": "[x, {y}]"}},\n  {"task_id": "b",\n   "inputs": "oops"}\n]\n',
    );
    const error = await fileError(path);
    assert.match(
      error.message,
      /bad\.json: task at index 1 is missing required field 'inputs' \(must be a dict\) \(line 3: got str\)/,
    );
    assert.equal(error.line, 3);
    const dup = await write(
      "dup.json",
      '[\n{"task_id":"a","inputs":{}},\n{"task_id":"a","inputs":{}}\n]',
    );
    assert.equal(
      (await fileError(dup)).message,
      `${dup}: line 3: duplicate task_id 'a' (first on line 2)`,
    );
  });

  it("refuses invalid JSON with its line, and a value that is not an array", async () => {
    const broken = await write("broken.json", '[\n{"inputs": {}},\n{"inputs": }\n]');
    assert.match((await fileError(broken)).message, /broken\.json: is not valid JSON \(line 3\): /);
    const object = await write("object.json", '{"inputs": {}}');
    assert.equal(
      (await fileError(object)).message,
      `${object}: expected a JSON array of task objects, got dict`,
    );
  });

  it("refuses a mapping for a JSONL suite", async () => {
    const path = await write("tasks.jsonl", '{"inputs": {}}\n');
    assert.match(
      (await fileError(path, { taskId: "id" })).message,
      /applies to \.csv and \.json suites/,
    );
  });
});
