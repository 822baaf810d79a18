import { checkOptionNames } from "../errors/check-option-names.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import {
  checkConcurrency,
  checkName,
  checkRunId,
  checkTimeoutMs,
} from "../evaluate/check-run-options.js";
import { listRefs } from "../evaluate/grade-traces.js";
import { guardStream } from "../events/guard-stream.js";
import {
  evalEvent,
  type PairwiseCompared,
  type PairwiseCompleted,
  type PairwiseStarted,
} from "../events/lifecycle-events.js";
import type { Stream } from "../events/stream.js";
import type { StrayErrorWatch } from "../run/stray-error-watch.js";
import { resolveSuite, type SuiteInput } from "../suite/resolve-suite.js";
import { createTask } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import type { Trace } from "../trace/trace.js";
import type { TraceRef, TraceSource } from "../trace/trace-source.js";
import { isoUtcNow } from "../util/iso-utc.js";
import { runLimited } from "../util/run-limited.js";
import { compareSafely } from "./compare-safely.js";
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
  /**
   * Per comparator call: past this, that comparison is an error (a tie with `detail:
   * { error: true }`, the reasoning says it timed out) and the other comparisons go on.
   * Default 300000 (5 minutes, room for an LLM judge), as `scorerTimeoutMs` for scorers.
   *
   * @example
   * ```ts
   * await evaluatePairwise(a, b, { comparators: [judge], comparatorTimeoutMs: 60_000 });
   * ```
   */
  readonly comparatorTimeoutMs?: number;
}

/**
 * Compares two sets of stored traces pair by pair. A's traces are paired with
 * B's by task id, in A's order; each comparator decides each pair, in comparator order. A
 * comparator that throws, answers something other than a/b/tie or does not answer within
 * `comparatorTimeoutMs`, and a trace that fails to load, become ties with the reason in
 * `reasoning` and `detail: { error: true }`. A store that cannot save the comparison sets
 * its `saveError` (the comparison is still returned).
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
  return comparePairs(sourceA, sourceB, options, { warnings: [] });
}

/**
 * {@link evaluatePairwise} with warnings gathered by `runPairwise` (while it produced the
 * traces, and from its stray-error watch until the comparison is built: read at the end), so
 * the saved and published result carries them too; with `watch`, each pair's comparators run
 * as that task's code.
 */
export async function comparePairs(
  sourceA: TraceSource,
  sourceB: TraceSource,
  options: EvaluatePairwiseOptions,
  context: { warnings: readonly string[]; watch?: StrayErrorWatch | null },
): Promise<PairwiseRunResult> {
  const { warnings, watch } = context;
  const caller = "evaluatePairwise";
  const comparators = checkComparators(options.comparators, caller);
  const concurrency = checkConcurrency(options.concurrency, caller);
  const label = checkName(options.label, "label", caller);
  const variantA = checkName(options.variantA, "variantA", caller) ?? "A";
  const variantB = checkName(options.variantB, "variantB", caller) ?? "B";
  const runId = checkRunId(options.runId, caller);
  const timeoutMs = checkTimeoutMs(options.comparatorTimeoutMs, {
    option: "comparatorTimeoutMs",
    caller,
  });
  const { signal } = options;
  // a hand-written stream that throws must not lose the comparison: its failures become warnings
  const seen: string[] = [];
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
  const comparePair = async (refA: TraceRef): Promise<PairwiseCase[]> => {
    const taskId = refA.taskId as string;
    const task =
      tasksById.get(taskId) ?? createTask({ taskId, inputs: {}, referenceOutputs: null });
    const loaded = await loadBoth(sourceA, sourceB, refA, refsB.get(taskId)!, signal);
    const cases: PairwiseCase[] = [];
    for (const comparator of comparators) {
      watch?.stage(taskId, `comparator ${comparator.key}`);
      const outcome =
        "failure" in loaded
          ? loaded.failure
          : await compareSafely(comparator, { task, ...loaded }, timeoutMs);
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
  };
  const perPair = await runLimited(pairs, { concurrency, signal }, (refA) =>
    watch ? watch.run(refA.taskId as string, () => comparePair(refA)) : comparePair(refA),
  );
  const init = {
    runId,
    label,
    createdAt,
    durationMs: Math.trunc(performance.now() - started),
    variantA,
    variantB,
    nPairs: pairs.length,
    keys: comparators.map((c) => c.key),
    cases: perPair.flat(),
    warnings: [...warnings, ...seen],
  };
  let result = new PairwiseRunResult(init);
  try {
    await options.store?.savePairwise(result);
  } catch (error) {
    // the comparison is not lost with its file: the caller gets it, and why it is not saved
    result = new PairwiseRunResult({ ...init, saveError: toErrorInfo(error) });
  }
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
