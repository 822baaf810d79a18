import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI's bin shim, found from this file's place in dist/__fixtures__. */
export const BIN = fileURLToPath(new URL("../../bin/ag2-eval.js", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));
const EVAL_DIR = fileURLToPath(new URL("../../node_modules/@ag2/eval", import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/ag2-eval.js ...args` in `cwd` as a child process (not a TTY, colors off). */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      // generous: several CLI processes at once on a busy two-core machine take tens of seconds
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: "1", ...options.env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        // a killed process says so, instead of passing for an exit 1 of the CLI's own
        const killed = error?.killed ? `\n[killed by the test after 120 s: ${error.signal}]` : "";
        resolve({ code, stdout, stderr: stderr + killed });
      },
    );
  });
}

/** A suite of three tasks; `correct` passes when the answer is the input in capitals. */
export const SUITE = [
  { task_id: "a", inputs: { input: "hello" }, reference_outputs: { answer: "HELLO" } },
  { task_id: "b", inputs: { input: "world" }, reference_outputs: { answer: "WORLD" } },
  { task_id: "c", inputs: { input: "são paulo" }, reference_outputs: { answer: "SÃO PAULO" } },
]
  .map((record) => JSON.stringify(record))
  .join("\n");

/** A TypeScript agent module (type annotations, so it only loads through tsx). */
export const AGENT_TS = `
interface Answer { readonly text: string }
const shout = (input: string): Answer => ({ text: input.toUpperCase() });
export const good = { name: "good", ask: async (input: string): Promise<string> => shout(input).text };
export const flaky = {
  name: "flaky",
  ask: async (input: string): Promise<string> => (input === "world" ? "WORLD?" : shout(input).text),
};
export const broken = {
  name: "broken",
  ask: async (input: string): Promise<string> => {
    if (input === "hello") throw new RangeError("model unavailable");
    return shout(input).text;
  },
};
export default good;
`;

/** The reference agent on a scripted model that answers in capitals: it emits spans. */
export const TRACED_AGENT_TS = `
import { Agent, TestConfig, type ModelCallRequest } from "@ag2/eval";
const lastUserMessage = (request: ModelCallRequest): string =>
  String(request.messages.filter((message) => message.role === "user").at(-1)?.content ?? "");
export const traced = () =>
  new Agent({
    name: "traced",
    config: new TestConfig((request) => (lastUserMessage(request) === "world" ? "nope" : lastUserMessage(request).toUpperCase())),
  });
export const tracedGood = () =>
  new Agent({ name: "traced-good", config: new TestConfig((request) => lastUserMessage(request).toUpperCase()) });
`;

/** Variants (a plain record) and a pairwise comparator on the traces' last answer. */
export const SWEEP_MJS = `
const upper = (input) => input.toUpperCase();
export const variants = {
  careful: { name: "careful", ask: async (input) => upper(input) },
  sloppy: { name: "sloppy", ask: async (input) => (input === "hello" ? upper(input) : "?") },
};
const answer = (trace) => trace.events.filter((event) => event.type === "ModelResponse").at(-1)?.content;
export const comparators = [{
  key: "matches_reference",
  compare: ({ traceA, traceB, referenceOutputs }) => {
    const a = answer(traceA) === referenceOutputs.answer;
    const b = answer(traceB) === referenceOutputs.answer;
    return { winner: a === b ? "tie" : a ? "a" : "b" };
  },
}];
`;

/** Plain scorers (no imports): the CLI must accept any object with key and score(). */
export const SCORERS_MJS = `
export default [{
  key: "correct",
  score: async ({ outputs, referenceOutputs }) => [{ key: "correct", score: outputs.body === referenceOutputs.answer }],
}];
`;

const created: string[] = [];

/**
 * A temporary project folder with the suite, agent and scorers, plus `files`. It links
 * `node_modules/@ag2/eval-cli` (for defineConfig) and `@ag2/eval` (for the reference agent).
 */
export async function tempProject(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ag2-eval-cli-"));
  if (created.length === 0) {
    process.once("exit", () => {
      for (const path of created) rmSync(path, { recursive: true, force: true });
    });
  }
  created.push(dir);
  const all = {
    "suite.jsonl": SUITE,
    "agent.ts": AGENT_TS,
    "traced-agent.ts": TRACED_AGENT_TS,
    "scorers.mjs": SCORERS_MJS,
    "sweep.mjs": SWEEP_MJS,
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text, "utf8");
  }
  await mkdir(join(dir, "node_modules", "@ag2"), { recursive: true });
  await symlink(PACKAGE_DIR, join(dir, "node_modules", "@ag2", "eval-cli"), "dir");
  await symlink(EVAL_DIR, join(dir, "node_modules", "@ag2", "eval"), "dir");
  return dir;
}
