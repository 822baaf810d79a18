import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { realpathSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type BadInputRow, literal, type RowContext } from "./bad-input-row.js";

const NODE_MODULES = fileURLToPath(new URL("../node_modules/@ag2/", import.meta.url));
const BIN = realpathSync(`${NODE_MODULES}eval-cli/bin/ag2-eval.js`);

/** Characters that drive a terminal (C0 controls but the line feed). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;
/** Characters XML 1.0 forbids, even as references: most C0 controls, U+FFFE/F, lone surrogates. */
const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/;

const PROJECT: Record<string, string> = {
  "suite.jsonl": '{"task_id":"a","inputs":{"input":"hi"},"reference_outputs":{"answer":"HI"}}\n',
  "agent.mjs": 'export default { name: "up", ask: async (input) => input.toUpperCase() };\n',
  "scorers.mjs": 'export default [{ key: "k", score: async () => [{ key: "k", score: true }] }];\n',
  "throws.mjs": 'throw new Error("OPENAI_API_KEY is not set");\n',
  "no-scorers.mjs": 'export const nothing = 42;\nexport default "hello";\n',
  "spans.jsonl": '{"resourceSpans":[]}\nnot json at all\n',
  "not-otlp.jsonl": '{"task_id":"a","answer":"HI"}\n{"task_id":"b","answer":"YO"}\n',
  "no-spans.jsonl": '{"resourceSpans":[]}\n{"resourceSpans":[{"scopeSpans":[]}]}\n',
  "hostile.jsonl": `${JSON.stringify({ task_id: "h\n\u001b[2Jinjected: 1/1 passed\u001b]0;t\u0007", inputs: { input: "\ud800\ufffe" } })}\n`,
  "bad.config.mjs":
    'export default { suite: "suite.jsonl", agent: "./agent.mjs", repeats: "three" };\n',
};

/** Writes the project files and links @ag2/eval and @ag2/eval-cli into the row's folder. */
export async function project(dir: string): Promise<void> {
  for (const [name, text] of Object.entries(PROJECT)) await writeFile(`${dir}/${name}`, text);
  await mkdir(`${dir}/node_modules/@ag2`, { recursive: true });
  for (const name of ["eval", "eval-cli"]) {
    await symlink(
      realpathSync(`${NODE_MODULES}${name}`),
      `${dir}/node_modules/@ag2/${name}`,
      "dir",
    );
  }
}

/** Runs the built `ag2-eval` in `cwd` as a child process. */
export function cli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** `ag2-eval <args>` must exit with `code`, its first stderr line matching every pattern. */
export function cliRow(
  name: string,
  args: (context: RowContext) => string[],
  expected: { code: number; message: readonly (RegExp | ((context: RowContext) => RegExp))[] },
): BadInputRow {
  return {
    name: `CLI: ${name}`,
    async check(context) {
      await project(context.dir);
      const { code, stderr } = await cli(args(context), context.dir);
      const first = stderr.split("\n")[0] ?? "";
      assert.equal(code, expected.code, stderr);
      assert.match(first, /^error: /);
      for (const pattern of expected.message) {
        assert.match(first, typeof pattern === "function" ? pattern(context) : pattern);
      }
      assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace without --debug");
    },
  };
}

export const RUN = (storeDir: string, ...more: string[]) => [
  "run",
  "suite.jsonl",
  "--agent",
  "./agent.mjs",
  "--scorers",
  "./scorers.mjs",
  "--store",
  storeDir,
  ...more,
];

/** Bad command lines, modules and config files given to `ag2-eval`. */
/** `grade <file>` against the project's suite and scorers. */
function gradeArgs(file: string): (context: RowContext) => string[] {
  return ({ storeDir }) => [
    "grade",
    file,
    "--suite",
    "suite.jsonl",
    "--scorers",
    "./scorers.mjs",
    "--store",
    storeDir,
  ];
}

export const CLI_ROWS: readonly BadInputRow[] = [
  cliRow("unknown flag", ({ storeDir }) => RUN(storeDir, "--concurency", "2"), {
    code: 2,
    message: [/unknown flag --concurency/],
  }),
  cliRow("unknown command", () => ["rnu"], { code: 2, message: [/unknown command "rnu"/] }),
  cliRow("--repeats 1.5", ({ storeDir }) => RUN(storeDir, "--repeats", "1.5"), {
    code: 2,
    message: [/--repeats: got "1.5", expected a whole number >= 1/],
  }),
  cliRow("--concurrency 0", ({ storeDir }) => RUN(storeDir, "--concurrency", "0"), {
    code: 2,
    message: [/--concurrency: got "0", expected a whole number >= 1/],
  }),
  cliRow("--timeout=-5", ({ storeDir }) => RUN(storeDir, "--timeout=-5"), {
    code: 2,
    message: [
      /--timeout: got "-5", expected a duration above 0: seconds \("30"\) or a number with ms, s, m or h/,
    ],
  }),
  cliRow("--retries=-1", ({ storeDir }) => RUN(storeDir, "--retries=-1"), {
    code: 2,
    message: [/--retries: got "-1", expected a whole number >= 0/],
  }),
  cliRow(
    "an agent module that throws on import",
    ({ storeDir }) => ["run", "suite.jsonl", "--agent", "./throws.mjs", "--store", storeDir],
    { code: 2, message: [/--agent: importing .*throws\.mjs failed: OPENAI_API_KEY is not set/] },
  ),
  cliRow(
    "a scorer module exporting nothing usable",
    ({ storeDir }) => [
      ...RUN(storeDir).slice(0, 4),
      "--scorers",
      "./no-scorers.mjs",
      "--store",
      storeDir,
    ],
    {
      code: 2,
      message: [/--scorers: item 0 is a string, expected a scorer \(\{ key, score\(context\) \}\)/],
    },
  ),
  cliRow(
    "an agent export that does not exist",
    ({ storeDir }) => ["run", "suite.jsonl", "--agent", "./agent.mjs#missing", "--store", storeDir],
    { code: 2, message: [/agent\.mjs has no export "missing" \(exports: default\)/] },
  ),
  cliRow(
    "a config file with a type error",
    ({ storeDir }) => ["run", "--config", "bad.config.mjs", "--store", storeDir],
    {
      code: 2,
      message: [
        /bad\.config\.mjs: field "repeats": got "three" \(a string\), expected a whole number >= 1/,
      ],
    },
  ),
  cliRow(
    "a missing suite file",
    ({ storeDir }) => ["run", "nope.jsonl", "--agent", "./agent.mjs", "--store", storeDir],
    {
      code: 2,
      message: [
        ({ dir }) => literal(`${dir}/nope.jsonl: no such file (expected a JSONL suite file)`),
      ],
    },
  ),
  cliRow(
    "a directory as the suite",
    ({ storeDir }) => ["run", storeDir, "--agent", "./agent.mjs", "--store", storeDir],
    {
      code: 2,
      message: [
        ({ storeDir }) => literal(`${storeDir}: is a directory, expected a JSONL suite file`),
      ],
    },
  ),
  cliRow(
    "a run id that escapes the store",
    ({ storeDir }) => ["show", "../seed", "--store", storeDir],
    {
      code: 2,
      message: [/invalid run id "\.\.\/seed": contains a path separator/],
    },
  ),
  cliRow(
    "diff of a run against itself (named by a prefix)",
    ({ storeDir }) => ["diff", "seed", "--baseline", "se", "--store", storeDir],
    { code: 2, message: [/ag2-eval diff: run seed is its own baseline/] },
  ),
  cliRow("--run-id with a path separator", ({ storeDir }) => RUN(storeDir, "--run-id", "a/b"), {
    code: 2,
    message: [/option 'runId' must be .*usable as a file name.*got "a\/b"/],
  }),
  cliRow("a store folder under a regular file", ({ dir }) => RUN(`${dir}/suite.jsonl/runs`), {
    code: 2,
    message: [/cannot create the folder .*suite\.jsonl\/runs: ENOTDIR/],
  }),
  {
    ...cliRow(
      "show a corrupt run file",
      ({ storeDir }) => ["show", "broken", "--store", storeDir],
      {
        code: 2,
        message: [
          ({ storeDir }) => literal(`${storeDir}/broken.json: expected a JSON object`),
          /not valid JSON/,
        ],
      },
    ),
    async setup({ storeDir }) {
      await writeFile(`${storeDir}/broken.json`, "{ not json");
    },
  },
  cliRow("grade an OTLP file with garbage lines", gradeArgs("spans.jsonl"), {
    code: 2,
    message: [
      /spans\.jsonl:2: got a line that is not JSON .*expected one OTLP JSON document per line/,
    ],
  }),
  cliRow("grade a JSONL file that holds no OTLP spans at all", gradeArgs("not-otlp.jsonl"), {
    code: 2,
    message: [
      /not-otlp\.jsonl:1: got an object with keys "task_id", "answer", expected an OTLP JSON traces document/,
    ],
  }),
  cliRow("grade an OTLP file without a single span", gradeArgs("no-spans.jsonl"), {
    code: 2,
    message: [/no-spans\.jsonl: got no spans in the file, expected at least one span/],
  }),
  {
    name: "CLI: list names a corrupt run file it skips",
    async setup({ storeDir }) {
      await writeFile(`${storeDir}/broken.json`, "{ not json");
    },
    async check({ dir, storeDir }) {
      await project(dir);
      const { code, stdout, stderr } = await cli(["list", "--store", storeDir], dir);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /^seed /m, "the readable run is still listed");
      assert.match(
        stderr,
        literal(`warning: skipped ${storeDir}/broken.json: expected a JSON object`),
      );
      assert.match(stderr, /not valid JSON/);
      assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace without --debug");
    },
  },
  {
    name: "CLI: a task id with escape sequences and a newline is printed escaped, on its own line",
    async check({ dir }) {
      await project(dir);
      const args = ["run", "hostile.jsonl", "--agent", "./agent.mjs", "--scorers", "./scorers.mjs"];
      const ran = await cli([...args, "--store", `${dir}/own`, "--run-id", "hostile"], dir);
      assert.equal(ran.code, 0, ran.stderr);
      for (const text of [ran.stdout, ran.stderr]) {
        assert.doesNotMatch(text, TERMINAL_CONTROL, "no terminal control reaches it");
        assert.doesNotMatch(text, /^injected/m, "no forged line");
      }
      assert.match(ran.stderr, literal("h\\n\\x1b[2Jinjected: 1/1 passed\\x1b]0;t\\x07"));
    },
  },
  {
    name: "CLI: the JUnit export of a task id XML 1.0 forbids holds no forbidden character",
    async check({ dir }) {
      await project(dir);
      const args = ["run", "hostile.jsonl", "--agent", "./agent.mjs", "--scorers", "./scorers.mjs"];
      assert.equal((await cli([...args, "--store", `${dir}/own`, "--run-id", "x"], dir)).code, 0);
      const out = await cli(["export", "x", "--format", "junit", "--store", `${dir}/own`], dir);
      assert.equal(out.code, 0, out.stderr);
      assert.doesNotMatch(out.stdout, XML_FORBIDDEN);
      assert.match(out.stdout, /name="h\n\\u001b\[2Jinjected/);
    },
  },
];
