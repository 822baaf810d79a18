import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatColumns } from "./format-columns.js";

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `task-${String(i).padStart(2, "0")}`);

describe("formatColumns", () => {
  it("fills columns top to bottom within the width", () => {
    const lines = formatColumns(ids(5), { width: 30, indent: "  " });
    assert.deepEqual(lines, ["  task-00  task-02  task-04", "  task-01  task-03"]);
    assert.ok(lines.every((line) => line.length <= 30));
  });

  it("keeps one item a line when even two do not fit", () => {
    assert.deepEqual(formatColumns(ids(2), { width: 10 }), ["task-00", "task-01"]);
  });

  it("stops after maxRows and says how many are left and how to see them", () => {
    const lines = formatColumns(ids(25), { width: 20, maxRows: 3, more: "--all" });
    assert.deepEqual(lines, [
      "task-00  task-03",
      "task-01  task-04",
      "task-02  task-05",
      "and 19 more (--all)",
    ]);
    assert.equal(formatColumns(ids(6), { width: 20, maxRows: 3 }).length, 3);
  });
});
