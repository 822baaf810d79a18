import { checkOptionNames } from "../errors/check-option-names.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { checkConcurrency, checkName, checkRunId } from "../evaluate/check-run-options.js";
import { listRefs } from "../evaluate/grade-traces.js";
import { guardStream } from "../events/guard-stream.js";
import {
  evalEvent,
  type PairwiseCompared,
  type PairwiseCompleted,
  type PairwiseStarted,
} from "../events/lifecycle-events.js";
import type { Stream } from "../events/stream.js";
import { resolveSuite, type SuiteInput } from "../suite/resolve-suite.js";
import { createTask, type Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import type { Trace } from "../trace/trace.js";
import type { TraceRef, TraceSource } from "../trace/trace-source.js";
import { isoUtcNow } from "../util/iso-utc.js";
import { runLimited } from "../util/run-limited.js";
import { EVALUATE_PAIRWISE_OPTION_NAMES } from "./pairwise-option-names.js";
import { PairwiseRunResult } from "./pairwise-run-result.js";
import type { PairwiseCase, PairwiseComparator, PairwiseOutcome } from "./pairwise-types.js";

/**
 * Where a pairwise result is saved. `RunStore` keeps only runs, so pairwise results go
 * through this narrow interface; a store (or any object) with `savePairwise` receives the
 * result once every pair is compared.
 */
export interface PairwiseStore {
  savePairwise(result: PairwiseRunResult): Promise<void>;
}

/** Options of {@link evaluatePairwise}. */
export interface EvaluatePairwiseOptions {
  readonly comparators: Iterable<PairwiseComparator>;
  readonly store?: PairwiseStore | null;
  readonly variantA?: string;
  readonly variantB?: string;
  /** Supplies each pair's task (inputs, reference outputs); without it tasks are bare ids. */
  readonly suite?: SuiteInput | null;
  /** Pairs compared at once (default 4). */
  readonly concurrency?: number;
  readonly runId?: string;
  readonly label?: string | null;
  readonly stream?: Stream | null;
  readonly signal?: AbortSignal;
}

/**
 * Compares two sets of stored traces pair by pair. A's traces are paired with
 * B's by task id, in A's order; each comparator decides each pair, in comparator order. A
 * comparator that throws (or answers something other than a/b/tie) and a trace that fails
 * to load become ties with the reason in `reasoning` and `detail: { error: true }`.
 *
 * @example
 * ```ts
 * const result = await evaluatePairwise(lastWeek, thisWeek, {
 *   comparators: [pairwiseJudge(config, { criterion: "more helpful", key: "helpfulness" })],
 *   variantA: "last-week", variantB: "this-week", suite: "evals/qa.jsonl",
 * });
 * console.log(result.summary());
 * ```
 */
export function evaluatePairwise(
  sourceA: TraceSource,
  sourceB: TraceSource,
  options: EvaluatePairwiseOptions,
): Promise<PairwiseRunResult> {
  checkOptionNames(options, EVALUATE_PAIRWISE_OPTION_NAMES, "evaluatePairwise");
  return comparePairs(sourceA, sourceB, options, []);
}

/**
 * {@link evaluatePairwise} with warnings gathered before the comparison (by `runPairwise`
 * while it produced the traces), so the saved and published result carries them too.
 */
export async function comparePairs(
  sourceA: TraceSource,
  sourceB: TraceSource,
  options: EvaluatePairwiseOptions,
  warnings: readonly string[],
): Promise<PairwiseRunResult> {
  const caller = "evaluatePairwise";
  const comparators = checkComparators(options.comparators, caller);
  const concurrency = checkConcurrency(options.concurrency, caller);
  const label = checkName(options.label, "label", caller);
  const variantA = checkName(options.variantA, "variantA", caller) ?? "A";
  const variantB = checkName(options.variantB, "variantB", caller) ?? "B";
  const runId = checkRunId(options.runId, caller);
  const { signal } = options;
  // a hand-written stream that throws must not lose the comparison: its failures become warnings
  const seen = [...warnings];
  const stream = guardStream(options.stream, seen);
  const suite = options.suite ? await resolveSuite(options.suite, caller) : null;
  const tasksById = new Map((suite?.tasks ?? []).map((task) => [task.taskId, task]));

  const refsA = await listRefs(sourceA, signal);
  const refsB = new Map<string, TraceRef>();
  for (const ref of await listRefs(sourceB, signal)) {
    if (ref.taskId != null) refsB.set(ref.taskId, ref);
  }
  const pairs = refsA.filter((ref) => ref.taskId != null && refsB.has(ref.taskId));

  const createdAt = isoUtcNow();
  const started = performance.now();
  stream?.publish(
    evalEvent<PairwiseStarted>({
      type: "PairwiseStarted",
      runId,
      label,
      variantA,
      variantB,
      total: pairs.length,
    }),
  );
  const perPair = await runLimited(pairs, { concurrency, signal }, async (refA) => {
    const taskId = refA.taskId as string;
    const task =
      tasksById.get(taskId) ?? createTask({ taskId, inputs: {}, referenceOutputs: null });
    const loaded = await loadBoth(sourceA, sourceB, refA, refsB.get(taskId)!, signal);
    const cases: PairwiseCase[] = [];
    for (const comparator of comparators) {
      const outcome =
        "failure" in loaded ? loaded.failure : await compareSafely(comparator, task, loaded);
      cases.push({
        taskId,
        key: comparator.key,
        winner: outcome.winner,
        reasoning: outcome.reasoning ?? null,
        detail: { ...(outcome.detail ?? {}) },
      });
      stream?.publish(
        evalEvent<PairwiseCompared>({
          type: "PairwiseCompared",
          runId,
          label,
          taskId,
          key: comparator.key,
          winner: outcome.winner,
        }),
      );
    }
    return cases;
  });
  const result = new PairwiseRunResult({
    runId,
    label,
    createdAt,
    durationMs: Math.trunc(performance.now() - started),
    variantA,
    variantB,
    nPairs: pairs.length,
    keys: comparators.map((c) => c.key),
    cases: perPair.flat(),
    warnings: seen,
  });
  await options.store?.savePairwise(result);
  stream?.publish(
    evalEvent<PairwiseCompleted<PairwiseRunResult>>({
      type: "PairwiseCompleted",
      runId,
      label,
      result,
    }),
  );
  return result;
}

type Loaded = { traceA: Trace; traceB: Trace } | { failure: PairwiseOutcome };

async function loadBoth(
  sourceA: TraceSource,
  sourceB: TraceSource,
  refA: TraceRef,
  refB: TraceRef,
  signal: AbortSignal | undefined,
): Promise<Loaded> {
  try {
    const [traceA, traceB] = await Promise.all([
      sourceA.load(refA, { signal }),
      sourceB.load(refB, { signal }),
    ]);
    return { traceA, traceB };
  } catch (error) {
    signal?.throwIfAborted();
    const info = toErrorInfo(error);
    return {
      failure: {
        winner: "tie",
        reasoning: `trace failed to load: ${info.type}: ${info.message}`,
        detail: { error: true },
      },
    };
  }
}

async function compareSafely(
  comparator: PairwiseComparator,
  task: Task,
  traces: { traceA: Trace; traceB: Trace },
): Promise<PairwiseOutcome> {
  let outcome: PairwiseOutcome;
  try {
    outcome = await comparator.compare({
      task,
      ...traces,
      referenceOutputs: task.referenceOutputs,
    });
  } catch (error) {
    const info = toErrorInfo(error);
    return {
      winner: "tie",
      reasoning: `comparator raised: ${info.type}: ${info.message}`,
      detail: { error: true },
    };
  }
  const winner: unknown = outcome?.winner;
  if (winner !== "a" && winner !== "b" && winner !== "tie") {
    return {
      winner: "tie",
      reasoning: `comparator returned winner ${JSON.stringify(winner)}; expected "a", "b" or "tie"`,
      detail: { error: true },
    };
  }
  return outcome;
}

function checkComparators(
  value: Iterable<PairwiseComparator>,
  caller: string,
): PairwiseComparator[] {
  const list =
    value && typeof value !== "string" && Symbol.iterator in Object(value) ? [...value] : null;
  const bad = list?.findIndex(
    (c) => typeof c?.key !== "string" || typeof c?.compare !== "function",
  );
  if (list === null || bad === undefined || bad >= 0) {
    throw new InvalidOptionError(
      "comparators",
      list === null
        ? `${caller}: option 'comparators' must be an iterable of comparators; got ${typeof value}`
        : `${caller}: comparators[${bad}] must be a PairwiseComparator ({ key: string, compare(context) })`,
    );
  }
  return list;
}
