import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { relative } from "node:path";
import type { WatchedInputKind } from "../config/watched-inputs.js";
import type { CliIo } from "../terminal/cli-io.js";
import { EXIT } from "../terminal/cli-io.js";
import { type FileChanges, FileWatcher } from "./file-watcher.js";
import { localImports } from "./local-imports.js";
import { spawnWatchChild } from "./spawn-watch-child.js";
import {
  isWatchChildMessage,
  type WatchChildRequest,
  type WatchParentMessage,
} from "./watch-messages.js";

/** How long a cancelled run may take to stop before its process is killed. */
const CANCEL_GRACE_MS = 3000;

const TYPESCRIPT = /\.(?:ts|mts|cts|tsx)$/;

interface ChildRun {
  readonly process: ChildProcess;
  readonly runId: string;
  readonly exited: Promise<void>;
  saved: boolean;
  cancelRequested: boolean;
}

/**
 * An `ag2-eval watch` session: runs `ag2-eval run` in a fresh process, watches what that run
 * read (the suite, the config, the agent and scorer modules and the local files they import),
 * and runs again after a change, cancelling a run still going. Resolves to 130 once `io.signal`
 * aborts (Ctrl-C).
 *
 * @example
 * ```ts
 * const code = await new WatchSession({ runArgs: ["suite.jsonl", "--agent", "./agent.ts"], io, debounceMs: 150 }).start();
 * ```
 */
export class WatchSession {
  readonly #runArgs: readonly string[];
  readonly #fixedRunId: string | null;
  readonly #io: CliIo;
  readonly #watcher: FileWatcher;
  readonly #inputs = new Map<string, WatchedInputKind>();
  #watched = new Set<string>();
  #current: ChildRun | null = null;
  /** A child started ahead, waiting for the next run's request. */
  #spare: ChildProcess | null = null;
  #previousRunId: string | null = null;
  #runs = 0;
  #queued: string[] | null = null;
  #stopped = false;

  constructor(options: {
    /** `ag2-eval run`'s arguments, without `--watch`. */
    runArgs: readonly string[];
    /** `--run-id` (with `--overwrite`): every run replaces it; otherwise each gets a new id. */
    runId?: string;
    io: CliIo;
    debounceMs: number;
  }) {
    this.#runArgs = options.runArgs;
    this.#fixedRunId = options.runId ?? null;
    this.#io = options.io;
    this.#watcher = new FileWatcher({
      debounceMs: options.debounceMs,
      onChanges: (changes) => this.#changed(changes),
      onError: (error, dir) =>
        this.#say(`cannot watch ${this.#show(dir)} any more: ${error.message}`),
    });
  }

  /** Runs once, then again on every change, until `io.signal` aborts. */
  async start(): Promise<number> {
    const { signal } = this.#io;
    const stopped = new Promise<void>((resolve) => {
      if (signal?.aborted) resolve();
      signal?.addEventListener("abort", () => resolve(), { once: true });
    });
    // nothing else may be pending (no run, no folder watched yet): the session still lives
    const keepAlive = setInterval(() => {}, 2 ** 30);
    this.#launch(null);
    await stopped;
    clearInterval(keepAlive);
    this.#stopped = true;
    this.#watcher.close();
    this.#spare?.kill();
    const current = this.#current;
    if (current) {
      this.#cancel(current);
      await current.exited;
    }
    return EXIT.interrupted;
  }

  #launch(changed: readonly string[] | null): void {
    if (this.#stopped) return;
    this.#runs += 1;
    const runId = this.#fixedRunId ?? randomUUID().replaceAll("-", "");
    if (changed) {
      this.#say(`run ${this.#runs}: ${changed.map((path) => this.#show(path)).join(", ")} changed`);
    }
    const request: WatchChildRequest = {
      args: [...(this.#fixedRunId ? [] : [`--run-id=${runId}`]), ...this.#runArgs],
      previousRunId: this.#previousRunId === runId ? null : this.#previousRunId,
    };
    this.#inputs.clear();
    const child = this.#takeSpare() ?? this.#spawn();
    child.send({ type: "start", request } satisfies WatchParentMessage);
    const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
    const run: ChildRun = { process: child, runId, exited, saved: false, cancelRequested: false };
    this.#current = run;
    child.on("message", (message) => {
      if (!isWatchChildMessage(message)) return;
      if (message.type === "input") {
        this.#inputs.set(message.path, message.kind);
        this.#watch(new Set([...this.#watched, message.path]));
      } else run.saved = message.saved && !message.cancelled;
    });
    void exited.then(() => this.#finished(run));
  }

  async #finished(run: ChildRun): Promise<void> {
    if (run.saved) this.#previousRunId = run.runId;
    if (this.#current === run) this.#current = null;
    if (this.#stopped) return;
    const modules = [...this.#inputs].filter(([, kind]) => kind === "module").map(([path]) => path);
    const suites = [...this.#inputs].filter(([, kind]) => kind === "suite").map(([path]) => path);
    const files = await localImports({ entries: modules, cwd: this.#io.cwd });
    // a run that failed before reading anything leaves the previous run's files watched
    if (files.length + suites.length > 0) this.#watch(new Set([...files, ...suites]));
    if (this.#stopped || this.#current) return;
    const queued = this.#queued;
    this.#queued = null;
    if (queued) {
      this.#launch(queued);
      return;
    }
    this.#say(`watching ${this.#watcher.size} file(s) for changes (Ctrl-C to stop)`);
    // started after the run, not beside it: it would slow the run it cannot serve
    this.#spare ??= this.#spawn();
  }

  /** A child process that loads the CLI and waits for its request. */
  #spawn(): ChildProcess {
    const child = spawnWatchChild({
      cwd: this.#io.cwd,
      env: this.#io.env,
      typescript: [...this.#inputs.keys()].some((path) => TYPESCRIPT.test(path)),
    });
    child.on("error", (error) => this.#say(`cannot start a run: ${error.message}`));
    return child;
  }

  /** The waiting child, if it is still alive. */
  #takeSpare(): ChildProcess | null {
    const spare = this.#spare;
    this.#spare = null;
    if (spare?.connected && spare.exitCode === null) return spare;
    spare?.kill();
    return null;
  }

  #changed({ changed, deleted }: FileChanges): void {
    for (const path of deleted) {
      this.#say(
        `${this.#show(path)} was deleted; still watching it, the next run starts when it is back`,
      );
    }
    if (changed.length === 0 || this.#stopped) return;
    const current = this.#current;
    if (!current) {
      this.#launch(changed);
      return;
    }
    this.#queued = [...new Set([...(this.#queued ?? []), ...changed])];
    if (!current.cancelRequested) {
      this.#say(
        `${changed.map((path) => this.#show(path)).join(", ")} changed: cancelling the run in progress (it is not saved)`,
      );
      this.#cancel(current);
    }
  }

  #cancel(run: ChildRun): void {
    run.cancelRequested = true;
    if (run.process.connected) run.process.send({ type: "cancel" } satisfies WatchParentMessage);
    const kill = setTimeout(() => run.process.kill("SIGKILL"), CANCEL_GRACE_MS);
    void run.exited.then(() => clearTimeout(kill));
  }

  #watch(files: Set<string>): void {
    // a deleted file no module imports any more is kept, so that its return is seen
    for (const path of this.#watcher.missing) files.add(path);
    this.#watched = files;
    this.#watcher.watch(files);
  }

  #say(line: string): void {
    this.#io.stderr.write(`watch: ${line}\n`);
  }

  #show(path: string): string {
    const shown = relative(this.#io.cwd, path);
    return shown.startsWith("..") || shown === "" ? path : shown;
  }
}
