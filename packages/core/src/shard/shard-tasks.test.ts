import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { createTask } from "../suite/task.js";
import { parseShardSpec } from "./shard-spec.js";
import { selectShard, shardOfTaskId, suiteFingerprint } from "./shard-tasks.js";

describe("shardOfTaskId", () => {
  it("is 32-bit FNV-1a of the UTF-8 id: the published test vectors, so no machine or Node version moves a task", () => {
    assert.equal(shardOfTaskId("a", 2 ** 32), 0xe40c292c + 1);
    assert.equal(shardOfTaskId("foobar", 2 ** 32), 0xbf9cf968 + 1);
    // non-ASCII ids hash their UTF-8 bytes, not UTF-16 code units
    assert.equal(shardOfTaskId("é", 2 ** 32), shardOfTaskId("\u00e9", 2 ** 32));
    assert.notEqual(shardOfTaskId("é", 2 ** 32), shardOfTaskId("e\u0301", 2 ** 32));
  });

  it("spreads ids over every shard and puts each in exactly one", () => {
    const tasks = Array.from({ length: 1000 }, (_, i) =>
      createTask({ taskId: `t${i}`, inputs: { input: "x" } }),
    );
    const sizes = [1, 2, 3, 4, 5, 6, 7, 8].map(
      (index) => selectShard(tasks, { index, count: 8 }).tasks.length,
    );
    assert.equal(
      sizes.reduce((a, b) => a + b),
      1000,
    );
    for (const size of sizes) assert.ok(size > 80 && size < 170, `shard size ${size}`);
  });
});

describe("suiteFingerprint", () => {
  it("changes with any task's content and ignores key order", () => {
    const a = createTask({ taskId: "a", inputs: { input: "x", lang: "en" } });
    const same = createTask({ taskId: "a", inputs: { lang: "en", input: "x" } });
    const edited = createTask({ taskId: "a", inputs: { input: "y", lang: "en" } });
    assert.equal(suiteFingerprint([a]), suiteFingerprint([same]));
    assert.notEqual(suiteFingerprint([a]), suiteFingerprint([edited]));
  });
});

describe("parseShardSpec", () => {
  it("reads <index>/<count> numbered from 1", () => {
    assert.deepEqual(parseShardSpec("2/8"), { index: 2, count: 8 });
    assert.deepEqual(parseShardSpec("8/8"), { index: 8, count: 8 });
  });

  it("refuses 0/8, 9/8 and a/b saying what it expected", () => {
    for (const text of ["0/8", "9/8", "a/b", "2", "1/0", "-1/8"]) {
      assert.throws(
        () => parseShardSpec(text),
        (error: unknown) =>
          InvalidOptionError.isInstance(error) &&
          error.message.includes(`got '${text}'`) &&
          /<index>\/<count>/.test(error.message),
      );
    }
  });
});
