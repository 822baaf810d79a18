// Shared fakes for the runner tests (a file of helpers; it holds no tests itself).
import type { Agent, AskOptions } from "../agent/agent.js";
import { runHook } from "../agent/middleware.js";
import type { TaskResult } from "../result/task-result.js";
import type { RunResult } from "../run-result/run-result.js";
import {
  type JournalContents,
  type JournalHeader,
  type RunInfo,
  type RunStore,
  runInfo,
} from "../run-result/run-store.js";

/** Counts calls in flight and the highest count seen. */
export class InFlight {
  now = 0;
  max = 0;
  enter(): void {
    this.now++;
    this.max = Math.max(this.max, this.now);
  }
  leave(): void {
    this.now--;
  }
}

/** Lets a test release pending work step by step, with no timers. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Yields to the event loop a few times so queued work can start. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
}

/** An agent whose one model call answers `reply(input)`, through the middleware chain. */
export function modelAgent(reply: (input: string) => string, name = "model-agent"): Agent {
  return {
    name,
    async ask(input: string, options?: AskOptions) {
      const middleware = options?.middleware ?? [];
      return runHook(middleware, "onTurn", { agentName: name, input }, async () => {
        const response = await runHook(
          middleware,
          "onModelCall",
          { messages: [], tools: [] },
          async () => ({
            type: "ModelResponse" as const,
            content: reply(input),
            usage: { inputTokens: 3, outputTokens: 2 },
          }),
        );
        return { content: response.content };
      });
    },
  };
}

/** A minimal journaling store, enough to test runAgent's use of the RunStore contract. */
export class TinyStore implements RunStore {
  readonly runs = new Map<string, RunResult>();
  readonly journals = new Map<
    string,
    { header: JournalHeader; results: TaskResult[]; closed: boolean }
  >();
  failSave = false;
  saves = 0;

  async save(result: RunResult): Promise<void> {
    this.saves++;
    if (this.failSave) throw new Error("disk full");
    this.runs.set(result.runId, result);
  }
  async load(runId: string): Promise<RunResult> {
    const run = this.runs.get(runId);
    if (!run) throw new Error(`no run ${runId}`);
    return run;
  }
  async list(): Promise<RunInfo[]> {
    return [...this.runs.values()].map(runInfo);
  }
  async delete(runId: string): Promise<void> {
    this.runs.delete(runId);
  }
  async openJournal(header: JournalHeader) {
    const existing = this.journals.get(header.runId);
    const journal = existing ?? { header, results: [], closed: false };
    journal.closed = false;
    this.journals.set(header.runId, journal);
    return {
      append: async (result: TaskResult) => {
        journal.results.push(result);
      },
      close: async () => {
        journal.closed = true;
      },
    };
  }
  async readJournal(runId: string): Promise<JournalContents | null> {
    const journal = this.journals.get(runId);
    return journal ? { header: journal.header, results: [...journal.results] } : null;
  }
  async discardJournal(runId: string): Promise<void> {
    this.journals.delete(runId);
  }
}
