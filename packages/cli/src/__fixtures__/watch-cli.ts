import { type ChildProcess, spawn } from "node:child_process";
import { BIN } from "./run-cli.js";

/** A running `ag2-eval watch` (or `run --watch`) process and what it printed so far. */
export interface WatchProcess {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves once `pattern` has matched stdout + stderr `count` times (rejects after 90 s). */
  waitFor(pattern: RegExp, count?: number): Promise<void>;
  /** Sends SIGINT and resolves to the exit code. */
  interrupt(): Promise<number | null>;
}

/** Starts `node bin/ag2-eval.js ...args` in `cwd`, not a TTY, colors off. */
export function startWatch(args: readonly string[], options: { cwd: string }): WatchProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const waiting = new Set<() => void>();
  const watched: WatchProcess = {
    child,
    stdout: "",
    stderr: "",
    waitFor(pattern, count = 1) {
      const global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
      const seen = () => (`${watched.stdout}\n${watched.stderr}`.match(global) ?? []).length;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(
            new Error(`no ${pattern} (×${count}) in:\n${watched.stdout}\n---\n${watched.stderr}`),
          );
        }, 90_000);
        const check = () => {
          if (seen() < count) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      });
    },
    async interrupt() {
      child.kill("SIGINT");
      return exited;
    },
  };
  const listen = (stream: NodeJS.ReadableStream, key: "stdout" | "stderr") =>
    stream.on("data", (chunk: Buffer) => {
      watched[key] += chunk.toString("utf8");
      for (const check of [...waiting]) check();
    });
  listen(child.stdout as NodeJS.ReadableStream, "stdout");
  listen(child.stderr as NodeJS.ReadableStream, "stderr");
  return watched;
}
