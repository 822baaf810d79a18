import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The example folder (this file runs from dist/__fixtures__). */
export const EXAMPLE_DIR = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../../../packages/cli/bin/ag2-eval.js", import.meta.url));
/** What a job's checkout of the example holds (git ignores the rest). */
const CHECKED_IN = ["package.json", "ag2-eval.config.ts", "arithmetic.jsonl", "src", "runs"];

/** How one `ag2-eval` command ended. */
export interface CommandRun {
  readonly command: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A CI job's machine: a checkout of the example in a folder of its own. */
export interface JobMachine {
  readonly dir: string;
  /**
   * Runs one command of the workflow in the checkout: `pnpm exec ag2-eval …` as the built
   * bin, `mkdir -p <dir>` as itself; any other command is refused.
   */
  exec(command: string): Promise<CommandRun>;
}

/**
 * A fresh checkout of the example in a temporary folder: the committed files (the baseline
 * run in `runs/`, no other run) and a link to the installed `node_modules`, so each shard
 * process has a store no other process writes, as on separate CI machines.
 */
export async function jobMachine(): Promise<JobMachine> {
  const dir = await mkdtemp(join(tmpdir(), "ci-shards-job-"));
  for (const entry of CHECKED_IN) {
    await cp(join(EXAMPLE_DIR, entry), join(dir, entry), {
      recursive: true,
      filter: (source) =>
        !source.includes(`${join(EXAMPLE_DIR, "runs")}/`) || source.endsWith("/baseline.json"),
    });
  }
  await mkdir(join(dir, "runs"), { recursive: true });
  await symlink(join(EXAMPLE_DIR, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, exec: (command) => execCommand(command, dir) };
}

/** Removes the machines' folders. */
export async function removeMachines(machines: readonly JobMachine[]): Promise<void> {
  await Promise.all(machines.map(({ dir }) => rm(dir, { recursive: true, force: true })));
}

async function execCommand(command: string, cwd: string): Promise<CommandRun> {
  const words = command.split(/\s+/).filter((word) => word !== "");
  if (words.length === 3 && words[0] === "mkdir" && words[1] === "-p") {
    await mkdir(join(cwd, words[2] as string), { recursive: true });
    return { command, code: 0, stdout: "", stderr: "" };
  }
  if (words.slice(0, 3).join(" ") !== "pnpm exec ag2-eval") {
    throw new Error(`expected 'pnpm exec ag2-eval …' or 'mkdir -p <dir>'; got '${command}'`);
  }
  // the store is the config's runs/, as in CI, whatever the calling shell exports
  const { AG2_EVAL_STORE: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...words.slice(3)],
      { cwd, env: { ...env, NO_COLOR: "1" }, timeout: 180_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ command, code, stdout, stderr });
      },
    );
  });
}
