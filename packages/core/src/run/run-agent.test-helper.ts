import { eventTracing } from "../agent/event-tracing.js";
import type { TaskTracingContext, Tracing } from "../agent/tracing.js";
import { scorer } from "../scoring/scorer.js";
import type { RunAgentOptions } from "./run-agent-options.js";
import { modelAgent } from "./run-fixtures.test.js";

export const reversed = (s: string) => [...s].reverse().join("");
export const exact = scorer(
  ({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer,
  {
    key: "exact",
  },
);
/** Passes when the agent answered anything at all. */
export const answered = scorer(({ outputs }) => outputs.body !== undefined, { key: "answered" });
export const records = [
  { task_id: "a", inputs: { input: "abc" }, reference_outputs: { answer: "cba" } },
  { task_id: "b", inputs: { input: "xy" }, reference_outputs: { answer: "yx" } },
];

export function options(overrides: Partial<RunAgentOptions> = {}): RunAgentOptions {
  return {
    agent: modelAgent(reversed),
    scorers: [exact],
    store: null,
    tracing: eventTracing(),
    ...overrides,
  };
}

/** Records every context the Tracing receives, delegating to eventTracing(). */
export function capturingTracing(): Tracing & { contexts: TaskTracingContext[] } {
  const inner = eventTracing();
  const contexts: TaskTracingContext[] = [];
  return {
    contexts,
    startTask: (context) => {
      contexts.push(context);
      return inner.startTask(context);
    },
  };
}
