import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countTaskWarnings } from "./count-task-warnings.js";

describe("countTaskWarnings", () => {
  it("names each distinct warning once, in first-seen order, with the tasks that hit it", () => {
    assert.deepEqual(
      countTaskWarnings([
        ["exporter down"],
        undefined,
        ["processor failed", "exporter down"],
        [],
        ["processor failed"],
        ["disk full"],
      ]),
      ["exporter down (in 2 tasks)", "processor failed (in 2 tasks)", "disk full"],
    );
  });

  it("counts a task once even when it names the same warning twice", () => {
    assert.deepEqual(countTaskWarnings([["x", "x"], ["x"]]), ["x (in 2 tasks)"]);
    assert.deepEqual(countTaskWarnings([["x", "x"]]), ["x"]);
    assert.deepEqual(countTaskWarnings([]), []);
  });
});
