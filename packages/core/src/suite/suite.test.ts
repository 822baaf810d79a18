import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { Suite } from "./suite.js";
import { SuiteFileError } from "./suite-file-error.js";

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "ag2-suite-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeJsonl(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function loadError(path: string | URL): Promise<SuiteFileError> {
  try {
    await Suite.fromJsonl(path);
  } catch (error) {
    assert.ok(SuiteFileError.isInstance(error), `expected SuiteFileError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected Suite.fromJsonl to reject");
}

function listError(records: unknown[]): SuiteFileError {
  try {
    Suite.fromList(records as never);
  } catch (error) {
    assert.ok(SuiteFileError.isInstance(error), `expected SuiteFileError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected Suite.fromList to throw");
}

describe("Suite", () => {
  it("is iterable and sized, with inline defaults", () => {
    const suite = Suite.fromList([{ inputs: { input: "a" } }, { inputs: { input: "b" } }]);
    assert.equal(suite.name, "inline");
    assert.equal(suite.source, "inline");
    assert.equal(suite.size, 2);
    assert.deepEqual(
      [...suite].map((task) => task.taskId),
      ["task-0000", "task-0001"],
    );
  });

  it("reads every reference key and the camelCase aliases", () => {
    const suite = Suite.fromList(
      [
        {
          task_id: "a",
          inputs: { input: "q" },
          reference_outputs: { answer: "x" },
          tags: ["geo"],
          metadata: { level: 2 },
        },
        { taskId: "b", inputs: { input: "q" }, referenceOutputs: { answer: "y" } },
      ],
      { name: "mine" },
    );
    assert.equal(suite.name, "mine");
    const [a, b] = suite.tasks;
    assert.deepEqual(a, {
      taskId: "a",
      inputs: { input: "q" },
      referenceOutputs: { answer: "x" },
      tags: ["geo"],
      metadata: { level: 2 },
    });
    assert.equal(b?.taskId, "b");
    assert.deepEqual(b?.referenceOutputs, { answer: "y" });
    assert.deepEqual(b?.tags, []);
    assert.deepEqual(b?.metadata, {});
  });

  it("fills empty and null ids from the index and rejects duplicates in lists", () => {
    const suite = Suite.fromList([
      { task_id: "", inputs: {} },
      { task_id: null, inputs: {} },
      { task_id: "x", inputs: {} },
    ]);
    assert.deepEqual(
      suite.tasks.map((task) => task.taskId),
      ["task-0000", "task-0001", "x"],
    );
    const error = listError([
      { task_id: "x", inputs: {} },
      { inputs: {} },
      { task_id: "x", inputs: {} },
    ]);
    assert.equal(
      error.message,
      "inline: task at index 2: duplicate task_id 'x' (first at index 0)",
    );
    assert.equal(error.index, 2);
    assert.equal(error.field, "task_id");
  });

  it("names the index and the field for bad list items", () => {
    assert.equal(
      listError([{ inputs: {} }, [1]]).message,
      "inline: task at index 1 must be a dict, got list",
    );
    assert.equal(
      listError([{}]).message,
      "inline: task at index 0 is missing required field 'inputs' (must be a dict)",
    );
    const tags = listError([{ inputs: {}, tags: "abc" }]);
    assert.equal(
      tags.message,
      "inline: task at index 0: field 'tags' must be an array of strings, got str",
    );
    assert.equal(tags.field, "tags");
    assert.match(listError([{ inputs: {}, tags: ["a", 3] }]).message, /got int at \[1\]$/);
    assert.equal(
      listError([{ inputs: {}, metadata: [1] }]).message,
      "inline: task at index 0: field 'metadata' must be an object, got list",
    );
    assert.equal(
      listError([{ inputs: {}, reference_outputs: "Paris" }]).message,
      "inline: task at index 0: field 'reference_outputs' must be an object or null, got str",
    );
    assert.equal(
      listError([{ inputs: {}, task_id: 7 }]).message,
      "inline: task at index 0: field 'task_id' must be a string, got int",
    );
    assert.match(
      listError([{ inputs: {}, task_id: "a", taskId: "b" }]).message,
      /'task_id' and its alias 'taskId' disagree/,
    );
  });
});

describe("Suite.fromJsonl", () => {
  it("streams records, skips blank lines and takes its name from the file stem", async () => {
    const path = await writeJsonl(
      "capitals.v2.jsonl",
      '{"task_id":"fr","inputs":{"input":"France?"},"reference_outputs":{"answer":"Paris"},"tags":["eu"]}\n' +
        "\n   \r\n" +
        '{"inputs":{"input":"Peru?"},"metadata":{"x":1}}\r\n' +
        '{"inputs":{"input":"S\u00e3o Tom\u00e9?"}}',
    );
    const suite = await Suite.fromJsonl(path);
    assert.equal(suite.name, "capitals.v2");
    assert.equal(suite.source, path);
    assert.deepEqual(
      suite.tasks.map((task) => task.taskId),
      ["fr", "task-0001", "task-0002"],
    );
    assert.deepEqual(suite.tasks[1]?.metadata, { x: 1 });
    assert.equal(suite.tasks[2]?.inputs.input, "São Tomé?");
    const viaUrl = await Suite.fromJsonl(pathToFileURL(path));
    assert.equal(viaUrl.size, 3);
    assert.equal(viaUrl.source, path);
  });

  it("reports invalid JSON and non-objects with the 1-based physical line", async () => {
    const bad = await loadError(await writeJsonl("bad.jsonl", '{"inputs":{}}\n\n{"inputs": \n'));
    assert.match(
      bad.message,
      new RegExp(`^${escapeRegExp(join(dir, "bad.jsonl"))}: line 3 is not valid JSON: .+`),
    );
    assert.equal(bad.line, 3);
    const list = await loadError(await writeJsonl("list.jsonl", "\n[1, 2]\n"));
    assert.equal(
      list.message,
      `${join(dir, "list.jsonl")}: line 2 must be a JSON object, got list`,
    );
    const str = await loadError(await writeJsonl("str.jsonl", '"hi"\n'));
    assert.equal(str.message, `${join(dir, "str.jsonl")}: line 1 must be a JSON object, got str`);
  });

  it("reports missing or non-object inputs and bad fields with the line", async () => {
    const path = await writeJsonl("inputs.jsonl", '{"inputs":{}}\n\n{"inputs":[1]}\n');
    const error = await loadError(path);
    assert.equal(
      error.message,
      `${path}: task at index 1 is missing required field 'inputs' (must be a dict) (line 3: got list)`,
    );
    assert.equal(error.line, 3);
    assert.equal(error.index, 1);
    assert.equal(error.field, "inputs");
    const missing = await writeJsonl("missing.jsonl", '{"task_id":"a"}\n');
    assert.equal(
      (await loadError(missing)).message,
      `${missing}: task at index 0 is missing required field 'inputs' (must be a dict) (line 1)`,
    );
    const tags = await writeJsonl("tags.jsonl", '{"inputs":{}}\n{"inputs":{},"tags":"abc"}\n');
    assert.equal(
      (await loadError(tags)).message,
      `${tags}: line 2: field 'tags' must be an array of strings, got str`,
    );
  });

  it("rejects duplicate task ids, including a filled-in id colliding with an explicit one", async () => {
    const path = await writeJsonl(
      "dup.jsonl",
      '{"task_id":"a","inputs":{}}\n\n{"task_id":"a","inputs":{}}\n',
    );
    const error = await loadError(path);
    assert.equal(error.message, `${path}: line 3: duplicate task_id 'a' (first on line 1)`);
    assert.equal(error.line, 3);
    const filled = await writeJsonl(
      "filled.jsonl",
      '{"task_id":"task-0001","inputs":{}}\n{"inputs":{}}\n',
    );
    assert.equal(
      (await loadError(filled)).message,
      `${filled}: line 2: duplicate task_id 'task-0001' (first on line 1)`,
    );
  });

  it("names the path for a missing file and for a directory", async () => {
    const missing = join(dir, "nope.jsonl");
    const error = await loadError(missing);
    assert.equal(error.message, `${missing}: no such file (expected a JSONL suite file)`);
    assert.equal(error.path, missing);
    const isDir = await loadError(dir);
    assert.equal(isDir.message, `${dir}: is a directory, expected a JSONL suite file`);
  });

  it("reports invalid UTF-8 with its line number", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"inputs":{}}\n{"inputs":{"input":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}}\n'),
    ]);
    const path = await writeJsonl("latin.jsonl", bytes);
    const error = await loadError(path);
    assert.equal(error.message, `${path}: line 2 is not valid UTF-8`);
    assert.equal(error.line, 2);
  });

  it("keeps line numbers right across read-stream chunk boundaries", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ inputs: { input: "x".repeat(i % 50) } }),
    );
    lines[2500] = "not json";
    const error = await loadError(await writeJsonl("big.jsonl", lines.join("\n")));
    assert.equal(error.line, 2501);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
