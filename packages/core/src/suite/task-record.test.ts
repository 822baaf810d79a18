import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { MAX_JSON_DEPTH } from "../util/json-depth.js";
import { Suite } from "./suite.js";
import { SuiteFileError } from "./suite-file-error.js";

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const deepText = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("suite records nested too deep", () => {
  it("a JSONL line 100,000 deep is a SuiteFileError naming the file, line, field and limit", async () => {
    const dir = await mkdtemp(join(tmpdir(), "deep-suite-"));
    try {
      const file = join(dir, "deep.jsonl");
      const line = `{"task_id":"b","inputs":{"input":"hi","x":${deepText(100_000)}}}`;
      await writeFile(file, `{"task_id":"a","inputs":{"input":"hi"}}\n${line}\n`);
      const error = await Suite.fromJsonl(file).catch((caught: unknown) => caught);
      assert.ok(SuiteFileError.isInstance(error), String(error));
      assert.equal(error.line, 2);
      assert.equal(error.field, "inputs");
      assert.match(error.message, new RegExp(`^${file}: line 2: field 'inputs' nests deeper`));
      assert.match(error.message, /deeper than 512 levels \(at inputs\.x\[0\]/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("an inline record past the limit names its index; one at the limit loads", () => {
    const deep = { inputs: { input: "hi" }, metadata: { m: nested(MAX_JSON_DEPTH) } };
    assert.throws(
      () => Suite.fromList([{ inputs: { input: "ok" } }, deep]),
      (error: unknown) =>
        SuiteFileError.isInstance(error) &&
        error.index === 1 &&
        error.field === "metadata" &&
        /^inline: task at index 1: field 'metadata' nests deeper than 512 levels/.test(
          error.message,
        ),
    );
    const atLimit = { inputs: { input: "hi", x: nested(MAX_JSON_DEPTH - 2) } };
    assert.equal(Suite.fromList([atLimit]).size, 1);
  });
});
