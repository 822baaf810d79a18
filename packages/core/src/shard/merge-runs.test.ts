import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { runAgent } from "../run/run-agent.js";
import { answered, exact, options } from "../run/run-agent.test-helper.js";
import { modelAgent } from "../run/run-fixtures.test.js";
import type { RunResult } from "../run-result/run-result.js";
import { scorer } from "../scoring/scorer.js";
import { mergeRuns } from "./merge-runs.js";
import { ShardMergeError } from "./shard-merge-error.js";

// 40 tasks: every third answers wrongly, every seventh throws, so feedback and aggregates vary
const suite = Array.from({ length: 40 }, (_, i) => ({
  task_id: `task-${i}`,
  inputs: { input: `q${i}` },
  reference_outputs: { answer: `a${i}` },
  tags: [i % 2 ? "odd" : "even"],
}));
const agent = (name = "answerer"): Agent =>
  modelAgent((input) => {
    const i = Number(input.slice(1));
    if (i % 7 === 3) throw new Error(`no answer for ${input}`);
    return i % 3 === 0 ? "wrong" : `a${i}`;
  }, name);
const length = scorer(({ outputs }) => String(outputs.body ?? "").length, { key: "length" });
const common = { scorers: [exact, answered, length], repeats: 2, concurrency: 3 };

async function shardRuns(count: number, prefix = "s"): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (let index = 1; index <= count; index++) {
    runs.push(
      await runAgent(
        suite,
        options({ ...common, agent: agent(), runId: `${prefix}${index}`, shard: { index, count } }),
      ),
    );
  }
  return runs;
}

/** What a user compares between runs: ids, task content, errors, tokens and feedback. */
const graded = (run: RunResult) =>
  run.tasks.map((t) => ({
    task: t.task,
    error: t.trace.exception?.message ?? null,
    tokens: t.trace.tokens,
    feedback: t.feedback,
  }));

describe("shards and mergeRuns", () => {
  it("merges 3 shards into the run one process gives: same tasks, feedback and aggregates", async () => {
    const whole = await runAgent(suite, options({ ...common, agent: agent(), runId: "whole" }));
    assert.ok(
      whole.aggregates.errors > 0 && whole.passRate("exact") > 0 && whole.passRate("exact") < 1,
    );
    const shards = await shardRuns(3);
    assert.equal(
      shards.reduce((n, run) => n + run.tasks.length, 0),
      80,
    );
    for (const run of shards) assert.ok(run.tasks.length > 0 && run.tasks.length < 80);
    const merged = mergeRuns(shards, { runId: "merged" });
    assert.deepEqual(graded(merged), graded(whole));
    assert.deepEqual(merged.aggregates, whole.aggregates);
    assert.equal(merged.passRate("exact", { tag: "odd" }), whole.passRate("exact", { tag: "odd" }));
    assert.deepEqual(merged.suite, whole.suite);
    assert.equal(merged.target, whole.target);
    assert.deepEqual(merged.extraFields.merged_from, ["s1", "s2", "s3"]);
    assert.equal(merged.extraFields.suite_fingerprint, shards[0]?.extraFields.suite_fingerprint);
    // the merged run compares with a whole run as any run does
    const diff = merged.diff(whole);
    assert.deepEqual([diff.onlyInCurrent, diff.onlyInBaseline, diff.contentChanged], [[], [], []]);
  });

  it("puts every repeat of a task in one shard and records shard and fingerprint in the run file", async () => {
    const shards = await shardRuns(4, "r");
    for (const run of shards) {
      const originals = new Set(run.tasks.map((t) => t.task.taskId.replace(/#\d+$/, "")));
      assert.equal(run.tasks.length, originals.size * 2);
      const json = JSON.parse(JSON.stringify(run)) as Record<string, unknown>;
      assert.match(String(json.suite_fingerprint), /^sha256:[0-9a-f]{64}$/);
      assert.equal((json.shard as { count: number }).count, 4);
    }
    const fingerprints = new Set(shards.map((run) => run.extraFields.suite_fingerprint));
    assert.equal(fingerprints.size, 1);
  });

  it("partitions the same way whatever order the suite's lines are in", async () => {
    const reversedSuite = [...suite].reverse();
    const a = await runAgent(
      suite,
      options({ ...common, agent: agent(), shard: { index: 2, count: 5 } }),
    );
    const b = await runAgent(
      reversedSuite,
      options({ ...common, agent: agent(), shard: { index: 2, count: 5 } }),
    );
    const ids = (run: RunResult) => run.tasks.map((t) => t.task.taskId).sort();
    assert.deepEqual(ids(a), ids(b));
    // the content is the same but the order is not: a different suite to merge with
    assert.notEqual(a.extraFields.suite_fingerprint, b.extraFields.suite_fingerprint);
  });

  it("refuses a bad shard option before running anything", async () => {
    for (const shard of [
      { index: 0, count: 8 },
      { index: 9, count: 8 },
      { index: 1, count: 0 },
      { index: 1.5, count: 2 },
    ]) {
      await assert.rejects(
        runAgent(suite, options({ shard })),
        (error: unknown) => InvalidOptionError.isInstance(error) && /shard/.test(String(error)),
      );
    }
  });

  it("refuses missing, overlapping and repeated shards, naming them", async () => {
    const [s1, s2, s3] = await shardRuns(3, "m");
    assert.ok(s1 && s2 && s3);
    assert.throws(() => mergeRuns([s1, s3], { runId: "x" }), /missing shard 2\/3/);
    assert.throws(() => mergeRuns([s1, s1, s2, s3], { runId: "x" }), /run m1 is given twice/);
    const again = (await shardRuns(1, "again"))[0];
    assert.ok(again);
    const twoOf3 = await runAgent(
      suite,
      options({ ...common, agent: agent(), runId: "dup2", shard: { index: 2, count: 3 } }),
    );
    assert.throws(
      () => mergeRuns([s1, s2, twoOf3, s3], { runId: "x" }),
      /m2 and dup2 are both shard 2\/3/,
    );
    assert.throws(
      () => mergeRuns([s1, s2, s3, again], { runId: "x" }),
      (error: unknown) =>
        ShardMergeError.isInstance(error) && error.problems.some((p) => /shard count/.test(p)),
    );
  });

  it("refuses shards of a different suite, agent or scorers, and runs that are not shards", async () => {
    const [s1, s2, s3] = await shardRuns(3, "d");
    assert.ok(s1 && s2 && s3);
    const edited = suite.map((r, i) =>
      i === 0 ? { ...r, reference_outputs: { answer: "changed" } } : r,
    );
    const shard = { index: 3, count: 3 };
    const otherSuite = await runAgent(
      edited,
      options({ ...common, agent: agent(), runId: "e3", shard }),
    );
    assert.throws(
      () => mergeRuns([s1, s2, otherSuite], { runId: "x" }),
      /differ in suite fingerprint/,
    );
    const otherAgent = await runAgent(
      suite,
      options({ ...common, agent: agent("other"), runId: "a3", shard }),
    );
    assert.throws(() => mergeRuns([s1, s2, otherAgent], { runId: "x" }), /differ in agent/);
    const otherScorers = await runAgent(
      suite,
      options({ ...common, scorers: [exact], agent: agent(), runId: "c3", shard }),
    );
    assert.throws(() => mergeRuns([s1, s2, otherScorers], { runId: "x" }), /differ in scorers/);
    const plain = await runAgent(suite, options({ ...common, agent: agent(), runId: "plain" }));
    assert.throws(() => mergeRuns([plain], { runId: "x" }), /run plain is not a shard/);
    assert.throws(() => mergeRuns([], { runId: "x" }), /non-empty array/);
  });
});
