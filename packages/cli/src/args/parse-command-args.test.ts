import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type FlagSpecs, parseCommandArgs } from "./parse-command-args.js";
import { UsageError } from "./usage-error.js";

const FLAGS: FlagSpecs = {
  concurrency: { type: "string", description: "tasks at once", valueName: "<n>" },
  agent: { type: "string", description: "the agent", valueName: "<module>[#export]" },
  out: { type: "string", short: "o", description: "output file", valueName: "<file>" },
  json: { type: "boolean", description: "JSON" },
};

function refusal(args: readonly string[]): UsageError {
  try {
    parseCommandArgs({ command: "run", args, flags: FLAGS });
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error;
  }
  assert.fail(`accepted ${args.join(" ")}`);
}

describe("parseCommandArgs", () => {
  test("a value starting with a dash names the flag, the value and how to pass it", () => {
    const negative = refusal(["--concurrency", "-1"]);
    assert.equal(
      negative.message,
      'ag2-eval run: --concurrency: got "-1" after it, which starts with a dash and so is not taken as its value; expected --concurrency <n>',
    );
    assert.equal(
      negative.hint,
      'write --concurrency=-1 if "-1" is the value; else give --concurrency its value',
    );
    // a forgotten value followed by another flag reads the same way, by the short name too
    assert.match(refusal(["-o", "--json"]).message, /--out: got "--json" after it/);
    // the spelled-out form is taken as the value, for the command's own check to judge
    const parsed = parseCommandArgs({ command: "run", args: ["--concurrency=-1"], flags: FLAGS });
    assert.equal(parsed.values.concurrency, "-1");
  });

  test("a flag given last without its value says what value it takes", () => {
    assert.equal(
      refusal(["--agent"]).message,
      "ag2-eval run: --agent: got no value, expected --agent <module>[#export]",
    );
    assert.equal(
      refusal(["-o"]).message,
      "ag2-eval run: --out: got no value, expected --out <file>",
    );
  });

  test("a value given to a switch keeps Node's wording, which names the flag", () => {
    assert.equal(
      refusal(["--json=1"]).message,
      "ag2-eval run: Option '--json' does not take an argument",
    );
  });
});
