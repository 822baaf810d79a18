// Type-level checks of the generic public API: tsc compiles this file in `pnpm build`, so a
// change that lets a wrong call through (an unused `@ts-expect-error`) or rejects a right one
// fails the build. At run time it only defines the functions, never calls them.
import type { Agent } from "./agent/agent.js";
import { eventTracing } from "./agent/event-tracing.js";
import type { RunAgentOptions } from "./run/run-agent-options.js";
import { type Scorer, scorer } from "./scoring/scorer.js";
import { Variants } from "./variants/variants.js";

const echo: Agent = { name: "echo", ask: async (input: string) => input };

export function scorerTypes(): Scorer[] {
  return [
    scorer(({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer),
    scorer(async ({ trace }) => trace.durationMs / 1000, { key: "seconds" }),
    scorer(() => ({ key: "label", value: "ok", comment: "why" })),
    scorer(() => [
      { key: "a", score: 1 },
      { key: "b", score: null },
    ]),
    // @ts-expect-error a scorer returns booleans, numbers, strings or feedback, not a Date
    scorer(() => new Date()),
    // @ts-expect-error the context has no `expected` field (it is `referenceOutputs`)
    scorer(({ expected }) => expected === 1),
    // @ts-expect-error the key is a string
    scorer(() => true, { key: 1 }),
  ];
}

export function runAgentOptionTypes(): RunAgentOptions[] {
  const base = { agent: echo, scorers: [], store: null, tracing: eventTracing() };
  return [
    base,
    { ...base, agent: ({ config }) => ({ name: String(config), ask: async () => "" }) },
    { ...base, repeats: 3, concurrency: 2, modelConfig: { t1: { model: "a" } } },
    { ...base, retries: { attempts: 2 }, runBudget: { maxTokens: 1000 } },
    // @ts-expect-error `store` is required: pass null to keep the run in memory
    { agent: echo, scorers: [], tracing: eventTracing() },
    // @ts-expect-error repeats is a number
    { ...base, repeats: "3" },
    // @ts-expect-error an agent needs `ask`
    { ...base, agent: { name: "no-ask" } },
  ];
}

export function variantsTypes(): Variants[] {
  return [
    new Variants({ a: echo, b: () => echo }),
    new Variants([["a", echo]], { axis: "model" }),
    new Variants(new Map([["a", echo]])),
    // @ts-expect-error a variant is an agent or a factory, not a string
    new Variants({ a: "gpt" }),
  ];
}
