import { Ag2EvalError } from "../errors/ag2-eval-error.js";
import type { TaskResult } from "../result/task-result.js";
import { taskResultFromJSON } from "../run-file/read-run-file.js";
import { runResultToJSON, taskResultToJSON } from "../run-file/write-run-file.js";
import { parseRunFile } from "../run-result/parse-run-file.js";
import type { RunResult } from "../run-result/run-result.js";
import {
  type JournalContents,
  type JournalHeader,
  type RunInfo,
  type RunJournal,
  type RunStore,
  runInfo,
} from "../run-result/run-store.js";

interface StoredRun {
  readonly text: string;
  readonly info: RunInfo;
  readonly order: number;
}

interface StoredJournal {
  readonly header: JournalHeader;
  readonly lines: string[];
}

/** `created_at` as a sortable pair: epoch milliseconds, then the microseconds Date drops. */
function timeKey(createdAt: string): [number, number] {
  const ms = Date.parse(createdAt);
  const fraction = /T[\d:]+\.(\d+)/.exec(createdAt)?.[1] ?? "";
  const micros = Number(fraction.padEnd(6, "0").slice(3, 6));
  return [Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms, micros];
}

/**
 * A {@link RunStore} in memory, for tests and short-lived tools. Runs and journal lines are
 * kept as run-file JSON text, so a saved run cannot be changed through the caller's objects
 * and every load goes through the same reader as a file would.
 *
 * @example
 * ```ts
 * const store = new InMemoryRunStore();
 * await store.save(result);
 * const again = await store.load(result.runId);
 * ```
 */
export class InMemoryRunStore implements RunStore {
  readonly #runs = new Map<string, StoredRun>();
  readonly #journals = new Map<string, StoredJournal>();
  #saves = 0;

  async save(result: RunResult): Promise<void> {
    const text = JSON.stringify(runResultToJSON(result));
    this.#runs.set(result.runId, { text, info: runInfo(result), order: this.#saves++ });
  }

  async load(runId: string): Promise<RunResult> {
    const stored = this.#runs.get(runId);
    if (!stored) throw this.#unknown(runId);
    return parseRunFile(stored.text, { source: `in-memory run ${JSON.stringify(runId)}` });
  }

  async list(options: { label?: string } = {}): Promise<RunInfo[]> {
    const runs = [...this.#runs.values()].filter(
      (run) => options.label === undefined || run.info.label === options.label,
    );
    runs.sort((a, b) => {
      const [aMs, aMicros] = timeKey(a.info.createdAt);
      const [bMs, bMicros] = timeKey(b.info.createdAt);
      return bMs - aMs || bMicros - aMicros || b.order - a.order;
    });
    return runs.map((run) => run.info);
  }

  /** Removes the run and its journal; rejects when neither exists. */
  async delete(runId: string): Promise<void> {
    const existed = this.#runs.delete(runId);
    if (!this.#journals.delete(runId) && !existed) throw this.#unknown(runId);
  }

  /**
   * Starts recording a run. A journal with the same run id and start time (a resume)
   * continues; any other journal under that id is replaced.
   */
  async openJournal(header: JournalHeader): Promise<RunJournal> {
    const existing = this.#journals.get(header.runId);
    const resumes =
      existing !== undefined &&
      existing.header.createdAt === header.createdAt &&
      JSON.stringify(existing.header.taskIds) === JSON.stringify(header.taskIds);
    // a resume keeps the tasks and takes the header it was reopened with (its invocation)
    const journal: StoredJournal = {
      header: structuredClone(header),
      lines: resumes ? existing.lines : [],
    };
    this.#journals.set(header.runId, journal);
    let closed = false;
    return {
      append: async (result: TaskResult) => {
        if (closed) {
          throw new Ag2EvalError(
            `InMemoryRunStore: journal of run ${JSON.stringify(header.runId)} is closed`,
          );
        }
        journal.lines.push(JSON.stringify(taskResultToJSON(result)));
      },
      close: async () => {
        closed = true;
      },
    };
  }

  async readJournal(runId: string): Promise<JournalContents | null> {
    const journal = this.#journals.get(runId);
    if (!journal) return null;
    return {
      header: structuredClone(journal.header),
      results: journal.lines.map((line, i) =>
        taskResultFromJSON(JSON.parse(line), {
          source: `journal of ${JSON.stringify(runId)}, entry ${i + 1}`,
        }),
      ),
    };
  }

  async discardJournal(runId: string): Promise<void> {
    this.#journals.delete(runId);
  }

  #unknown(runId: string): Ag2EvalError {
    const known = [...this.#runs.keys()].sort();
    return new Ag2EvalError(
      `InMemoryRunStore: no run with id ${JSON.stringify(runId)} (stored: ${known.length ? known.join(", ") : "none"})`,
    );
  }
}
