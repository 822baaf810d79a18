// The run the killed-writer contract case interrupts and resumes. Its agent appends
// "<pid> <input>" to a side file as it starts each task, so the test counts every invocation
// across processes, and the answers are known: a third of them are wrong on purpose.
import { appendFileSync } from "node:fs";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import { runAgent } from "../run/run-agent.js";
import type { RunResult } from "../run-result/run-result.js";
import type { RunStore } from "../run-result/run-store.js";
import { type Scorer, scorer } from "../scoring/scorer.js";
import { Suite } from "../suite/suite.js";

/** What the contract asks a writer process (of the store under test) to do. */
export interface ResumeWriterRequest {
  readonly runId: string;
  /** "start" runs under `runId`; "resume" continues its journal. */
  readonly mode: "start" | "resume";
  /** Where the agent notes each task it starts. */
  readonly sideFile: string;
  /** How many tasks the suite has. */
  readonly size: number;
}

/**
 * `size` tasks `t000`, `t001`, … asking to reverse `q<i>`; every third task's reference answer
 * is wrong, and even tasks are tagged `even`.
 *
 * @example
 * ```ts
 * resumeScenarioSuite(3).tasks.map((task) => task.taskId); // ["t000", "t001", "t002"]
 * ```
 */
export function resumeScenarioSuite(size: number): Suite {
  return Suite.fromList(
    Array.from({ length: size }, (_, i) => ({
      task_id: `t${String(i).padStart(3, "0")}`,
      inputs: { input: `q${i}` },
      reference_outputs: { answer: i % 3 === 0 ? "wrong" : reversed(`q${i}`) },
      tags: i % 2 === 0 ? ["even"] : [],
    })),
    { name: "resume" },
  );
}

/**
 * An agent answering its input reversed after `delayMs`, noting "<pid> <input>" in
 * `sideFile` (when given) as it starts.
 *
 * @example
 * ```ts
 * await runAgent(resumeScenarioSuite(3), { agent: resumeScenarioAgent({ delayMs: 0 }), scorers: resumeScenarioScorers });
 * ```
 */
export function resumeScenarioAgent(options: { delayMs: number; sideFile?: string }): Agent {
  return {
    name: "ReversingAgent",
    async ask(input) {
      if (options.sideFile) appendFileSync(options.sideFile, `${process.pid} ${String(input)}\n`);
      if (options.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      return reversed(String(input));
    },
  };
}

/** `correct` (the answer matches) and `length` (of the answer). */
export const resumeScenarioScorers: readonly Scorer[] = [
  scorer(({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer, {
    key: "correct",
  }),
  scorer(({ outputs }) => String(outputs.body ?? "").length, { key: "length" }),
];

/**
 * The writer process's side of the killed-writer contract case: runs (or resumes) the
 * scenario into `store`, 4 tasks at a time, 20 ms each, labelled "resume".
 *
 * @example
 * ```ts
 * // __fixtures__/killed-writer-child.ts, started by the store's killedWriter.start
 * const [dir, request] = process.argv.slice(2);
 * await runResumeWriter(new FsRunStore(dir), JSON.parse(request));
 * ```
 */
export function runResumeWriter(store: RunStore, request: ResumeWriterRequest): Promise<RunResult> {
  return runAgent(resumeScenarioSuite(request.size), {
    agent: resumeScenarioAgent({ delayMs: 20, sideFile: request.sideFile }),
    scorers: resumeScenarioScorers,
    store,
    tracing: eventTracing(),
    concurrency: 4,
    label: "resume",
    ...(request.mode === "resume" ? { resume: request.runId } : { runId: request.runId }),
  });
}

function reversed(text: string): string {
  return text.split("").reverse().join("");
}

/**
 * One of several writer processes racing for run `runId` (the one-writer tests): waits until
 * the wall-clock instant `startAt` (ms), so the racers start together however long each took
 * to load, then runs the scenario's `size` tasks, 2 at a time, 15 ms each, into `store`.
 * Resolves to null when it ran, or to `<error name>: <message>` when it was refused.
 *
 * @example
 * ```ts
 * const refused = await raceForRunId(new FsRunStore(dir), { runId: "race", size: 120, startAt });
 * if (refused) { process.stderr.write(`${refused}\n`); process.exitCode = 2; }
 * ```
 */
export async function raceForRunId(
  store: RunStore,
  options: { runId: string; size: number; startAt: number },
): Promise<string | null> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, options.startAt - Date.now())));
  try {
    await runAgent(resumeScenarioSuite(options.size), {
      agent: resumeScenarioAgent({ delayMs: 15 }),
      scorers: resumeScenarioScorers,
      store,
      tracing: eventTracing(),
      concurrency: 2,
      runId: options.runId,
    });
    return null;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}
