import type { StopReason } from "../result/stop-reason.js";
import type { RunResult } from "../run-result/run-result.js";
import type { Feedback } from "../scoring/feedback.js";
import type { ErrorInfo } from "../trace/trace-events.js";

/** Fields every lifecycle event carries: the run it belongs to and when it was published. */
export interface EvalEventBase {
  readonly runId: string;
  readonly label: string | null;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** A run is about to grade `total` task runs (tasks × repeats) of the suite named `suite`. */
export interface EvalStarted extends EvalEventBase {
  readonly type: "EvalStarted";
  readonly suite: string;
  readonly total: number;
}

/** One task run was graded; published in completion order. */
export interface TaskEvaluated extends EvalEventBase {
  readonly type: "TaskEvaluated";
  readonly taskId: string;
  readonly feedback: readonly Feedback[];
  readonly variant: string | null;
  /** The task's error (its trace's exception), so progress can count errors as they happen. */
  readonly error?: ErrorInfo | null;
}

/** A run finished (and was saved, when a store was given). */
export interface EvalCompleted extends EvalEventBase {
  readonly type: "EvalCompleted";
  readonly result: RunResult;
  /** Set when a run-wide budget stopped the run early (the same as `result.stopReason`). */
  readonly stopReason?: StopReason | null;
}

/** `runVariants` starts variant number `index` (1-based) of `total`. */
export interface VariantStarted extends EvalEventBase {
  readonly type: "VariantStarted";
  readonly variant: string;
  readonly index: number;
  readonly total: number;
}

/** `runVariants` finished one variant. */
export interface VariantCompleted extends EvalEventBase {
  readonly type: "VariantCompleted";
  readonly variant: string;
  readonly result: RunResult;
}

/** A pairwise comparison of `variantB` against `variantA` over `total` pairs starts. */
export interface PairwiseStarted extends EvalEventBase {
  readonly type: "PairwiseStarted";
  readonly variantA: string;
  readonly variantB: string;
  readonly total: number;
}

/** One comparator decided one pair. */
export interface PairwiseCompared extends EvalEventBase {
  readonly type: "PairwiseCompared";
  readonly taskId: string;
  readonly key: string;
  readonly winner: "a" | "b" | "tie";
}

/**
 * A pairwise run finished. `TResult` is the pairwise result type (`PairwiseRunResult`), kept
 * generic here so that this file does not depend on the pairwise module.
 */
export interface PairwiseCompleted<TResult = unknown> extends EvalEventBase {
  readonly type: "PairwiseCompleted";
  readonly result: TResult;
}

/**
 * Any lifecycle event. Narrow with `switch (event.type)`.
 *
 * @example
 * ```ts
 * stream.subscribe((event: EvalEvent) => {
 *   if (event.type === "TaskEvaluated") console.log(event.taskId, event.feedback.length);
 * });
 * ```
 */
export type EvalEvent =
  | EvalStarted
  | TaskEvaluated
  | EvalCompleted
  | VariantStarted
  | VariantCompleted
  | PairwiseStarted
  | PairwiseCompared
  | PairwiseCompleted;

/** The name of a lifecycle event type. */
export type EvalEventType = EvalEvent["type"];

/** What {@link evalEvent} needs: an event without its `createdAt` stamp. */
export type EvalEventInit<E extends EvalEvent = EvalEvent> = E extends EvalEvent
  ? Omit<E, "createdAt">
  : never;

/**
 * Builds a lifecycle event, stamping `createdAt` with the current time.
 *
 * @example
 * ```ts
 * stream.publish(evalEvent({ type: "EvalStarted", runId, label: null, suite: "qa", total: 3 }));
 * ```
 */
export function evalEvent<E extends EvalEvent>(init: EvalEventInit<E>): E {
  return Object.freeze({ ...init, createdAt: Date.now() }) as unknown as E;
}
