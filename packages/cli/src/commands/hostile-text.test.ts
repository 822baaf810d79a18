import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { SaxesParser } from "saxes";
import { type CliRun, runCli, tempProject } from "../__fixtures__/run-cli.js";

// Task ids, labels, error messages and scorer comments come from suites, agents and models:
// any of them may carry what a terminal acts on. None of it may clear the screen, set the
// window title, reorder a line or forge one, in any command.
const IDS = [
  "t1\n\u001b[2Jinjected: 1/1 passed",
  "t2\u001b]0;pwned\u0007",
  "t3\u202eevil\u009b31m",
  "t4\r\ufffe\ud800end",
];
const SUITE = IDS.map((id) =>
  JSON.stringify({ task_id: id, inputs: { input: id }, reference_outputs: { answer: "ok" } }),
).join("\n");
const AGENT = `export default {
  name: "hostile",
  ask: async (input) => {
    if (input.startsWith("t2")) throw new Error("bad\\u001b[31m\\r\\nforged: all gates passed");
    return "ok";
  },
};
`;
const SCORERS = `export default [{
  key: "correct",
  score: async ({ outputs }) => [{ key: "correct", score: outputs.body === "nope", comment: "\\u001b[2J\\u001b]8;;javascript:x\\u0007link" }],
}];
`;
const LABEL = "nightly\u001b[2J";

/** Terminal-active characters that must never reach an output. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function assertInert(run: CliRun, what: string): void {
  for (const [stream, text] of [
    ["stdout", run.stdout],
    ["stderr", run.stderr],
  ] as const) {
    const found = ACTIVE.exec(text);
    assert.equal(found, null, `${what} ${stream} holds U+${found?.[0].charCodeAt(0).toString(16)}`);
    for (const line of text.split("\n")) {
      assert.ok(!/^(injected|forged):/.test(line.trim()), `${what} ${stream} has a forged line`);
    }
  }
}

describe("hostile text from a run", () => {
  let cwd = "";
  const run = (args: string[]) => runCli(args, { cwd });
  before(async () => {
    cwd = await tempProject({ "hostile.jsonl": SUITE, "hostile.mjs": AGENT, "hs.mjs": SCORERS });
    for (const id of ["base", "head"]) {
      const ran = await run([
        "run",
        "hostile.jsonl",
        "--agent",
        "./hostile.mjs",
        "--scorers",
        "./hs.mjs",
        "--run-id",
        id,
        "--label",
        LABEL,
      ]);
      assert.equal(ran.code, 0, ran.stderr);
      assertInert(ran, `run ${id}`);
      assert.match(ran.stdout, /t1\\n\\x1b\[2Jinjected: 1\/1 passed/, "the task id shows, escaped");
      // the run's own warnings still print (the escaped copy of the run carries none)
      assert.match(ran.stdout, /^warning: the agent answered but its trace holds no model/m);
    }
  });

  test("show, list, trend, diff and the Markdown export print it escaped", async () => {
    for (const args of [
      ["show", "head"],
      ["list"],
      ["trend", "--label", LABEL],
      ["diff", "head", "--baseline", "base"],
      ["export", "head", "--format", "markdown"],
    ]) {
      const out = await run(args);
      assert.equal(out.code, 0, `${args.join(" ")}: ${out.stderr}`);
      assertInert(out, args[0] as string);
    }
    const shown = await run(["show", "head"]);
    assert.match(shown.stdout, /\\u202eevil\\x9b31m/);
  });

  test("--json output stays valid JSON holding the original strings", async () => {
    for (const args of [
      ["show", "head", "--json"],
      ["export", "head", "--format", "json"],
    ]) {
      const out = await run(args);
      assertInert(out, args.join(" "));
      const json = JSON.parse(out.stdout) as { tasks: { task_id: string }[] };
      assert.deepEqual(json.tasks.map((task) => task.task_id).sort(), [...IDS].sort());
    }
  });

  test("an error message is printed on one escaped line", async () => {
    const out = await run(["show", "no\u001b[2Jsuch\nrun"]);
    assert.equal(out.code, 2);
    assertInert(out, "show of a hostile id");
  });

  test("the JUnit export is well-formed XML 1.0 for a strict parser", async () => {
    const out = await run(["export", "head", "--format", "junit", "-o", "junit.xml"]);
    assert.equal(out.code, 0, out.stderr);
    const xml = await readFile(join(cwd, "junit.xml"), "utf8");
    const names: string[] = [];
    const parser = new SaxesParser({ xmlns: false });
    parser.on("error", (error) => assert.fail(`strict XML parser: ${error.message}`));
    parser.on("opentag", (tag) => {
      if (tag.name === "testcase") names.push(String(tag.attributes.name));
    });
    parser.write(xml).close();
    assert.equal(names.length, IDS.length);
    assert.ok(names.includes("t4\r\\ufffe\\ud800end"), `names: ${JSON.stringify(names)}`);
    assert.ok(names.includes("t2\\u001b]0;pwned\\u0007"));
  });
});
