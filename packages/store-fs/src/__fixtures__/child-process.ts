// Helpers for tests that run real processes.
import { spawn } from "node:child_process";

export interface Exited {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` and resolves once it exits, with its output. */
export function runNode(args: readonly string[]): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      resolve({ pid: child.pid ?? -1, code, signal, stdout, stderr }),
    );
  });
}

/** The pid of a process that ran and exited: no process has it now (barring reuse). */
export async function deadPid(): Promise<number> {
  return (await runNode(["-e", ""])).pid;
}
