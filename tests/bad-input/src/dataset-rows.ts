import assert from "node:assert/strict";
import { Suite } from "@ag2/eval";
import { type BadInputRow, literal, rejectsClearly } from "./bad-input-row.js";

/** Bad CSV and JSON-array suites: each error names the file, the row or line, the column. */
export const DATASET_ROWS: readonly BadInputRow[] = [
  {
    name: "a CSV with a ragged row (after a quoted field with a line break)",
    async check({ write }) {
      const path = await write("qa.csv", 'task_id,input\na,"two\nlines"\nb,hi,extra\n');
      const error = await rejectsClearly(Suite.fromFile(path), {
        name: "SuiteFileError",
        message: [literal(path), /row 2 \(line 4\), column 3/, /got 3 fields, expected 2/],
      });
      assert.equal((error as { line?: number }).line, 4);
    },
  },
  {
    name: "a CSV mapping naming a missing column",
    async check({ write }) {
      const path = await write("qa.csv", "id,question\n1,hi\n");
      await rejectsClearly(
        Suite.fromCsv(path, { mapping: { referenceOutputs: { answer: "gold" } } }),
        {
          name: "SuiteFileError",
          message: [
            literal(path),
            /referenceOutputs\.answer names column 'gold'/,
            /columns: id, question/,
          ],
        },
      );
    },
  },
  {
    name: "a CSV with an unclosed quote",
    async check({ write }) {
      const path = await write("qa.csv", 'input\n"open\n');
      await rejectsClearly(Suite.fromCsv(path), {
        name: "SuiteFileError",
        message: [literal(path), /line \d+ is not valid CSV/],
      });
    },
  },
  {
    name: "a CSV with a duplicate task_id",
    async check({ write }) {
      const path = await write("qa.csv", "task_id,input\na,1\na,2\n");
      await rejectsClearly(Suite.fromCsv(path), {
        name: "SuiteFileError",
        message: [literal(path), /row 2 \(line 3\): duplicate task_id 'a' \(first on row 1/],
      });
    },
  },
  {
    name: "a JSON suite element without inputs",
    async check({ write }) {
      const path = await write("qa.json", '[\n{"inputs": {"input": "a"}},\n{"task_id": "b"}\n]\n');
      await rejectsClearly(Suite.fromFile(path), {
        name: "SuiteFileError",
        message: [literal(path), /missing required field 'inputs'/, /line 3/],
      });
    },
  },
  {
    name: "a JSON suite that is an object, not an array",
    async check({ write }) {
      const path = await write("qa.json", '{"inputs": {"input": "a"}}');
      await rejectsClearly(Suite.fromJson(path), {
        name: "SuiteFileError",
        message: [literal(path), /expected a JSON array of task objects, got dict/],
      });
    },
  },
];
