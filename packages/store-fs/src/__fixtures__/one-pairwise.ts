import {
  evaluatePairwise,
  InMemoryTraceSource,
  type PairwiseRunResult,
  Trace,
} from "@ag2/eval-core";

/** A one-task pairwise comparison under `runId`. */
export function onePairwise(runId: string): Promise<PairwiseRunResult> {
  const source = (traceId: string, content: string) =>
    new InMemoryTraceSource([
      [{ traceId, taskId: "t1" }, new Trace({ events: [{ type: "ModelResponse", content }] })],
    ]);
  return evaluatePairwise(source("a1", "short"), source("b1", "longer"), {
    comparators: [{ key: "first", compare: () => ({ winner: "a", reasoning: "a goes first" }) }],
    runId,
  });
}
