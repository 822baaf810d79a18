import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Starts a watch child (`watch-child.ts`): it loads the CLI, `@ag2/eval` and, with
 * `typescript`, tsx's hooks, then waits for its `start` message on the IPC channel. Its output
 * goes straight to this process's stdout and stderr, so a terminal stays a terminal for it.
 *
 * @example
 * ```ts
 * const child = spawnWatchChild({ cwd: io.cwd, env: io.env, typescript: true });
 * child.send({ type: "start", request });
 * ```
 */
export function spawnWatchChild(options: {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  typescript: boolean;
}): ChildProcess {
  return spawn(process.execPath, [childEntry(), ...(options.typescript ? ["--typescript"] : [])], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** The watch child's bundle: beside the bundled CLI, or one folder up from tsc's output. */
function childEntry(): string {
  const beside = fileURLToPath(new URL("./watch-child.bundle.js", import.meta.url));
  return existsSync(beside)
    ? beside
    : fileURLToPath(new URL("../watch-child.bundle.js", import.meta.url));
}
