import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  Agent,
  fsRunStore,
  type OtelTracingOptions,
  type PairwiseComparator,
  runPairwise,
  type Task,
  TestConfig,
} from "./index.js";

type SpanProcessor = NonNullable<OtelTracingOptions["spanProcessors"]>[number];

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-eval-pairwise-"));
});
after(() => rm(root, { recursive: true, force: true }));

const suite = [
  {
    task_id: "fr",
    inputs: { input: "Capital of France?" },
    reference_outputs: { answer: "Paris" },
  },
  { task_id: "jp", inputs: { input: "Capital of Japan?" }, reference_outputs: { answer: "Tokyo" } },
  { task_id: "it", inputs: { input: "Capital of Italy?" }, reference_outputs: { answer: "Rome" } },
];

/** Knows only the capital of France; says "Lyon" otherwise. */
const guesser = ({ task }: { task: Task }) =>
  new Agent({
    name: "guesser",
    config: new TestConfig(task.taskId === "fr" ? "Paris" : "Lyon"),
  });
/** Answers every task's reference. */
const expert = ({ task }: { task: Task }) =>
  new Agent({
    name: "expert",
    config: new TestConfig(String(task.referenceOutputs?.answer ?? "")),
  });

/** The side whose last answer equals the reference wins; both or neither is a tie. */
const correct: PairwiseComparator = {
  key: "correct",
  compare: ({ traceA, traceB, referenceOutputs }) => {
    const right = (trace: typeof traceA) =>
      trace.eventsOf("ModelResponse").at(-1)?.content === referenceOutputs?.answer;
    const a = right(traceA);
    const b = right(traceB);
    return { winner: a === b ? "tie" : a ? "a" : "b", detail: { a, b } };
  },
};

describe("@ag2/eval runPairwise", () => {
  it("compares two agents traced through OpenTelemetry and saves the result to storeDir", async () => {
    const storeDir = join(root, "runs");
    const variants: string[] = [];
    const processor: SpanProcessor = {
      onStart() {},
      onEnd(span) {
        if (span.name.startsWith("chat"))
          variants.push(
            `${span.attributes["ag2.eval.variant"]}/${span.attributes["ag2.eval.task_id"]}`,
          );
      },
      forceFlush: async () => {},
      shutdown: async () => {},
    };
    const result = await runPairwise(suite, {
      variantA: guesser,
      variantB: expert,
      variantAName: "guesser",
      variantBName: "expert",
      comparators: [correct],
      storeDir,
      runId: "pw-agents",
      spanProcessors: [processor],
    });

    const rate = result.winRate("correct");
    assert.equal(rate.variant, "expert");
    assert.deepEqual([rate.wins, rate.losses, rate.ties, rate.n], [2, 0, 1, 3]);
    assert.equal(rate.rate, 2.5 / 3);
    const winners = Object.fromEntries(result.cases.map((c) => [c.taskId, c.winner]));
    assert.deepEqual(winners, { fr: "tie", jp: "b", it: "b" });

    assert.deepEqual(
      variants.sort(),
      ["expert/fr", "expert/it", "expert/jp", "guesser/fr", "guesser/it", "guesser/jp"],
      "every model call of both variants went through the default OpenTelemetry tracing",
    );

    assert.deepEqual(await readdir(storeDir), ["pw-agents.json"]);
    const saved = JSON.parse(await readFile(join(storeDir, "pw-agents.json"), "utf8"));
    assert.equal(saved.win_rates.correct.rate, 2.5 / 3);
    const back = await fsRunStore(storeDir).loadPairwise("pw-agents");
    assert.deepEqual(back.toJSON(), result.toJSON());
    assert.equal(back.winRate("correct").wins, 2);
  });
});
