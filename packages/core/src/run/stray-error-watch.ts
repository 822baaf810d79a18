import { AsyncLocalStorage } from "node:async_hooks";
import { toErrorInfo } from "../trace/to-error-info.js";
import { RunNeverSettledError } from "./run-never-settled-error.js";

/** The task whose code is running: errors raised outside any await are attributed with it. */
const currentTask = new AsyncLocalStorage<string>();

/**
 * While a run goes: a floating rejected promise or an exception thrown from a timer in agent,
 * scorer or comparator code becomes a warning on the run (naming the task whose code raised
 * it) instead of crashing the process, and a run left with pending tasks and nothing that
 * could settle them (the event loop drained) rejects what {@link settle} waits on with a
 * {@link RunNeverSettledError}. Installed only when a run asks for it: process-wide handlers
 * are the application's to choose.
 */
export class StrayErrorWatch {
  readonly #warnings: string[];
  readonly #runId: string;
  readonly #pending = new Map<string, string>();
  #neverSettled: ((error: RunNeverSettledError) => void) | null = null;

  constructor(options: { warnings: string[]; runId: string }) {
    this.#warnings = options.warnings;
    this.#runId = options.runId;
    process.on("unhandledRejection", this.#rejected);
    process.on("uncaughtException", this.#thrown);
    process.on("beforeExit", this.#drained);
  }

  /** `work`, unless the run's pending tasks can never settle: then a `RunNeverSettledError`. */
  settle<T>(work: Promise<T>): Promise<T> {
    const never = new Promise<never>((_, reject) => {
      this.#neverSettled = reject;
    });
    return Promise.race([work, never]);
  }

  /** Runs `work` as task `taskId`'s code: what it raises later is attributed to that task. */
  run<T>(taskId: string, work: () => Promise<T>): Promise<T> {
    this.#pending.set(taskId, "agent");
    return currentTask.run(taskId, work).finally(() => this.#pending.delete(taskId));
  }

  /** Notes the step a pending task is at, named when the run can never finish. */
  stage(taskId: string, stage: string): void {
    if (this.#pending.has(taskId)) this.#pending.set(taskId, stage);
  }

  /** Removes the process handlers. */
  dispose(): void {
    process.off("unhandledRejection", this.#rejected);
    process.off("uncaughtException", this.#thrown);
    process.off("beforeExit", this.#drained);
  }

  readonly #rejected = (reason: unknown): void =>
    this.#record("unhandled promise rejection", reason);

  readonly #thrown = (error: unknown): void => this.#record("uncaught exception", error);

  readonly #drained = (): void => {
    if (this.#pending.size === 0) return;
    const stuck = [...this.#pending].map(([taskId, stage]) => `${taskId} (${stage})`);
    this.#neverSettled?.(new RunNeverSettledError(this.#runId, stuck));
  };

  #record(what: string, error: unknown): void {
    const info = toErrorInfo(error);
    const taskId = currentTask.getStore();
    const where = taskId === undefined ? "during the run" : `in task ${taskId}`;
    this.#warnings.push(
      `${what} ${where} (ignored, the run went on): ${info.type}: ${info.message}`,
    );
  }
}
