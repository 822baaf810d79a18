import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import type { BadInputRow } from "./bad-input-row.js";
import { cli, cliRow, project } from "./cli-rows.js";

const deepArrays = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

/** Values nested far past the depth limit, in a suite, a saved run and an agent's answer. */
export const DEPTH_ROWS: readonly BadInputRow[] = [
  {
    name: "CLI: a suite line nested 100,000 deep (refused before any task runs)",
    async check({ dir, storeDir }) {
      await project(dir);
      const deep = `{"task_id":"b","inputs":{"input":"hi","x":${deepArrays(100_000)}}}`;
      await writeFile(`${dir}/deep.jsonl`, `{"task_id":"a","inputs":{"input":"hi"}}\n${deep}\n`);
      const args = ["run", "deep.jsonl", "--agent", "./agent.mjs", "--store", storeDir];
      const { code, stderr } = await cli(args, dir);
      assert.equal(code, 2, stderr);
      assert.match(
        stderr.split("\n")[0] ?? "",
        /^error: .*deep\.jsonl: line 2: field 'inputs' nests deeper than 512 levels \(at inputs\.x\[0\]/,
      );
      assert.doesNotMatch(stderr, /\n\s+at |Maximum call stack/);
    },
  },
  ...["show", "export"]
    .map((command) =>
      cliRow(
        `${command} of a run file nested 5,000 deep`,
        ({ storeDir }) => [
          command,
          "deep",
          "--store",
          storeDir,
          ...(command === "export" ? ["--format", "json"] : []),
        ],
        {
          code: 2,
          message: [/deep\.json: x\[0\]\[0\].*: expected at most 520 nested arrays or objects/],
        },
      ),
    )
    .map((row) => ({
      ...row,
      async setup({ storeDir }: { storeDir: string }) {
        const text = `{"schema_version":"0.1","run_id":"deep","tasks":[],"x":${deepArrays(5_000)}}`;
        await writeFile(`${storeDir}/deep.json`, text);
      },
    })),
  {
    name: "CLI: an agent answering with an object nested 10,000 deep (that task's error; run saved)",
    async check({ dir }) {
      await project(dir);
      await writeFile(
        `${dir}/deep-agent.mjs`,
        `export default { name: "deep", ask: async (input) => {
  if (input !== "deep") return input;
  let value = "leaf";
  for (let i = 0; i < 10000; i++) value = { next: value };
  return value;
} };\n`,
      );
      await writeFile(
        `${dir}/two.jsonl`,
        '{"task_id":"a","inputs":{"input":"a"}}\n{"task_id":"d","inputs":{"input":"deep"}}\n',
      );
      const store = `${dir}/own-runs`;
      const args = ["run", "two.jsonl", "--agent", "./deep-agent.mjs", "--store", store];
      const { code, stdout, stderr } = await cli([...args, "--run-id", "r"], dir);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /Saved .*own-runs\/r\.json/);
      const saved = JSON.parse(await readFile(`${store}/r.json`, "utf8")) as {
        tasks: { task_id: string; exception: { type: string; message: string } | null }[];
      };
      assert.equal(saved.tasks.find((t) => t.task_id === "a")?.exception, null);
      const deep = saved.tasks.find((t) => t.task_id === "d")?.exception;
      assert.equal(deep?.type, "TooDeepError");
      assert.match(deep?.message ?? "", /answer to task 'd' nests deeper than 512 levels/);
    },
  },
];
