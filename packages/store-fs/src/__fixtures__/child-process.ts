// Helpers for tests that run real processes.
import { type ChildProcess, spawn } from "node:child_process";

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

/** Starts `node <args>` and resolves, with the process, once it printed its first line. */
export function startNode(args: readonly string[]): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const end = stdout.indexOf("\n");
      if (end >= 0) resolve({ child, line: stdout.slice(0, end) });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the child exited (${code}) before a line`)));
  });
}

/** Kills `child` and resolves once it is gone. */
export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}
