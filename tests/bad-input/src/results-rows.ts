import assert from "node:assert/strict";
import { InvalidOptionError, scorer, TestConfig } from "@ag2/eval";
import { type BadInputRow, rejectsClearly } from "./bad-input-row.js";
import { cliRow, gradeArgs, RUN } from "./cli-rows.js";
import { badRunFile } from "./store-rows.js";

/** Bad inputs to what keeps results honest: error gates, cassettes, directions, resumes. */
export const RESULTS_ROWS: readonly BadInputRow[] = [
  cliRow("--max-errors 1.5", ({ storeDir }) => RUN(storeDir, "--max-errors", "1.5"), {
    code: 2,
    message: [/--max-errors: got "1\.5", expected a whole number of tasks .* or a fraction/],
  }),
  cliRow(
    "grade --max-errors 120%",
    (context) => [...gradeArgs("spans.jsonl")(context), "--max-errors", "120%"],
    { code: 2, message: [/--max-errors: got "120%", expected a whole number of tasks/] },
  ),
  {
    ...cliRow(
      "a config file with maxErrors: -1",
      ({ storeDir }) => [...RUN(storeDir), "--config", "errors.config.mjs"],
      {
        code: 2,
        message: [
          /errors\.config\.mjs: field "maxErrors": got -1, expected a whole number of tasks/,
        ],
      },
    ),
    async setup({ write }) {
      await write("errors.config.mjs", "export default { maxErrors: -1 };\n");
    },
  },
  {
    name: "a TestConfig element that is a tool result, not a call",
    async check() {
      await rejectsClearly(
        async () => new TestConfig({ type: "ToolResultEvent", name: "add" } as never),
        {
          name: "TestConfigElementError",
          message: [/element 1: got an object with keys \[type, name\]/, /ToolCallEvent/],
        },
      );
    },
  },
  cliRow(
    "--allow-agent-change without --resume",
    ({ storeDir }) => RUN(storeDir, "--allow-agent-change"),
    { code: 2, message: [/--allow-agent-change: given without --resume, where it has no effect/] },
  ),
  {
    name: 'a scorer with direction "down"',
    async check() {
      const error = await rejectsClearly(
        async () => scorer(() => 1, { key: "ms", direction: "down" as never }),
        {
          name: "InvalidOptionError",
          message: [/scorer 'ms': option 'direction' must be "higher" or "lower"; got "down"/],
        },
      );
      assert.ok(InvalidOptionError.isInstance(error));
    },
  },
  badRunFile(
    'a run file whose score_directions says "down"',
    JSON.stringify({ schema_version: "0.1", tasks: [], score_directions: { latency_ms: "down" } }),
    [/score_directions\.latency_ms/, /expected "higher" or "lower"/],
  ),
];
