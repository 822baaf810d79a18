import assert from "node:assert/strict";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Suite } from "@ag2/eval";
import { type BadInputRow, literal, rejectsClearly } from "./bad-input-row.js";

const GOOD = '{"task_id":"a","inputs":{"input":"hi"}}';

/** A suite file whose line 2 holds `line`; the error must name the file and line 2. */
function badSecondLine(name: string, line: string, problem: RegExp, field?: string): BadInputRow {
  return {
    name,
    async check({ write }) {
      const path = await write("suite.jsonl", `${GOOD}\n${line}\n`);
      const error = await rejectsClearly(Suite.fromJsonl(path), {
        name: "SuiteFileError",
        message: [literal(path), /line 2/, problem],
      });
      assert.equal((error as { line?: number }).line, 2);
      if (field) assert.equal((error as { field?: string }).field, field);
    },
  };
}

/** Writes a 50 MB second line without holding it in memory: a record cut off before its end. */
async function writeHugeLine(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${GOOD}\n{"task_id":"big","inputs":{"input":"`);
  const chunk = "a".repeat(1 << 20);
  for (let i = 0; i < 50; i++) if (!out.write(chunk)) await once(out, "drain");
  out.end("\n");
  await once(out, "finish");
}

/** Bad suite files and task records. */
export const SUITE_ROWS: readonly BadInputRow[] = [
  badSecondLine("malformed JSONL", '{"task_id": "b", inputs: {}}', /not valid JSON/),
  {
    name: "truncated JSONL (last record cut off, no newline)",
    async check({ write }) {
      const path = await write("suite.jsonl", `${GOOD}\n{"task_id":"b","inputs":{"inp`);
      await rejectsClearly(Suite.fromJsonl(path), {
        name: "SuiteFileError",
        message: [literal(path), /line 2 is not valid JSON/],
      });
    },
  },
  {
    name: "a 50 MB line that is not valid JSON (the message stays short)",
    async check({ dir }) {
      const path = `${dir}/huge.jsonl`;
      await writeHugeLine(path);
      const error = await rejectsClearly(Suite.fromJsonl(path), {
        name: "SuiteFileError",
        message: [literal(path), /line 2 is not valid JSON/],
      });
      assert.ok(error.message.length < 1000, `message of ${error.message.length} chars`);
    },
  },
  {
    name: "invalid UTF-8",
    async check({ write }) {
      const bytes = Buffer.concat([
        Buffer.from(`${GOOD}\n{"task_id":"b","inputs":{"input":"`),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}}\n'),
      ]);
      const path = await write("suite.jsonl", bytes);
      await rejectsClearly(Suite.fromJsonl(path), {
        name: "SuiteFileError",
        message: [literal(path), /line 2 is not valid UTF-8/],
      });
    },
  },
  badSecondLine(
    "inputs of the wrong type",
    '{"task_id":"b","inputs":"hi"}',
    /'inputs' \(must be a dict\).*got str/,
  ),
  badSecondLine(
    "tags of the wrong type",
    '{"task_id":"b","inputs":{"input":"x"},"tags":"smoke"}',
    /field 'tags' must be an array of strings, got str/,
    "tags",
  ),
  badSecondLine(
    "metadata of the wrong type",
    '{"task_id":"b","inputs":{"input":"x"},"metadata":[1]}',
    /field 'metadata' must be an object, got list/,
    "metadata",
  ),
  badSecondLine(
    "reference_outputs of the wrong type",
    '{"task_id":"b","inputs":{"input":"x"},"reference_outputs":5}',
    /field 'reference_outputs' must be an object or null, got int/,
    "reference_outputs",
  ),
  badSecondLine(
    "task_id of the wrong type",
    '{"task_id":7,"inputs":{"input":"x"}}',
    /field 'task_id' must be a string, got int/,
    "task_id",
  ),
  badSecondLine("a record that is not an object", "[1, 2]", /must be a JSON object, got list/),
  badSecondLine(
    "duplicate task ids",
    '{"task_id":"a","inputs":{"input":"again"}}',
    /duplicate task_id 'a' \(first on line 1\)/,
  ),
  {
    name: "a missing suite file",
    async check({ dir }) {
      await rejectsClearly(Suite.fromJsonl(`${dir}/nope.jsonl`), {
        name: "SuiteFileError",
        message: [literal(`${dir}/nope.jsonl`), /no such file \(expected a JSONL suite file\)/],
      });
    },
  },
  {
    name: "a directory given as the suite",
    async check({ dir }) {
      await rejectsClearly(Suite.fromJsonl(dir), {
        name: "SuiteFileError",
        message: [literal(dir), /is a directory, expected a JSONL suite file/],
      });
    },
  },
];
