import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TooDeepError } from "../errors/too-deep-error.js";
import { parseRunFile } from "../run-result/parse-run-file.js";
import { makeRunResult, makeTaskResult } from "../testing/make-results.js";
import { RunFileError } from "./run-file-error.js";
import { runResultToJsonText, taskResultToJSON, toAsciiJson } from "./write-run-file.js";

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A value whose own keys are counted each time something lists them (a walk, a stringify). */
function counted(): { value: object; listed: () => number } {
  let listed = 0;
  const value = new Proxy(
    { question: { text: "hi", parts: [1, 2] } },
    {
      ownKeys(target) {
        listed++;
        return Reflect.ownKeys(target);
      },
    },
  );
  return { value, listed: () => listed };
}

describe("depth limits of the run writer and reader", () => {
  it("walks a task's values for the depth limit once, though it is written twice", () => {
    const { value, listed } = counted();
    const task = makeTaskResult({ taskId: "t", inputs: { input: value } });
    taskResultToJSON(task); // its journal line
    assert.equal(listed(), 1, "the first write walks the values");
    taskResultToJSON(task); // the run file
    assert.equal(listed(), 1, "the second write does not walk them again");
    // a task past the limit is emptied every time it is written, not only the first
    const deep = makeTaskResult({ taskId: "deep", metadata: { m: nested(600) } });
    assert.deepEqual(taskResultToJSON(deep).metadata, {});
    assert.deepEqual(taskResultToJSON(deep).metadata, {});
  });

  it("toAsciiJson with depthChecked writes without a walk; without it, walks and refuses", () => {
    const { value, listed } = counted();
    const text = toAsciiJson({ tasks: [value] }, { depthChecked: true });
    assert.equal(listed(), 1, "only JSON.stringify lists the keys");
    assert.equal(text, toAsciiJson({ tasks: [{ question: { text: "hi", parts: [1, 2] } }] }));
    toAsciiJson({ tasks: [value] });
    assert.equal(listed(), 3, "a walk, then the stringify");
    assert.throws(() => toAsciiJson(nested(600)), TooDeepError);
  });

  it("a task nested 10,000 deep is saved emptied with a recorded error; the other tasks are saved whole", () => {
    const run = makeRunResult({
      tasks: [
        makeTaskResult({ taskId: "fine", inputs: { input: "hi" }, metadata: { m: [[1]] } }),
        makeTaskResult({
          taskId: "deep",
          inputs: { input: "hi" },
          metadata: { m: nested(10_000) },
        }),
      ],
    });
    const saved = parseRunFile(runResultToJsonText(run), { source: "r.json" });
    const [fine, deep] = saved.tasks;
    assert.deepEqual(fine?.task.metadata, { m: [[1]] });
    assert.equal(fine?.trace.exception, null);
    assert.deepEqual(deep?.task.metadata, {});
    assert.equal(deep?.trace.exception?.type, "TooDeepError");
    assert.match(
      deep?.trace.exception?.message ?? "",
      /^not saved in full: field 'metadata' nests deeper than 512 levels \(at metadata\.m\[0\]/,
    );
  });

  it("keeps the task's own error and adds what was not saved", () => {
    const json = taskResultToJSON(
      makeTaskResult({
        taskId: "t",
        inputs: { input: "hi", x: nested(8_000) },
        exception: { type: "Boom", message: "it broke" },
      }),
    );
    assert.deepEqual(json.inputs, {});
    assert.equal(json.exception?.type, "Boom");
    assert.match(json.exception?.message ?? "", /^it broke \(not saved in full: field 'inputs'/);
  });

  it("the ASCII JSON writer refuses a value too deep to write instead of overflowing", () => {
    assert.throws(
      () => toAsciiJson({ extra: nested(100_000) }),
      (error: unknown) =>
        TooDeepError.isInstance(error) &&
        /^the value to save nests deeper than 520 levels/.test(error.message),
    );
  });

  it("a run file 5,000 deep is a RunFileError naming the source and the path", () => {
    const text = `{"schema_version":"0.1","tasks":[],"x":${"[".repeat(5_000)}${"]".repeat(5_000)}}`;
    assert.throws(
      () => parseRunFile(text, { source: "runs/deep.json" }),
      (error: unknown) =>
        RunFileError.isInstance(error) &&
        /^runs\/deep\.json: x\[0\]\[0\].*: expected at most 520 nested arrays or objects, got a value nested deeper$/.test(
          error.message,
        ),
    );
  });
});
