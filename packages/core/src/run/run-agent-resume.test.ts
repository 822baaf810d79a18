import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import { scorer } from "../scoring/scorer.js";
import type { TaskRecord } from "../suite/task-record.js";
import { runAgent } from "./run-agent.js";
import { answered } from "./run-agent.test-helper.js";
import type { RunAgentOptions } from "./run-agent-options.js";
import { TinyStore } from "./run-fixtures.test.js";

const suite = ["a", "b", "c", "d"].map((id) => ({ task_id: id, inputs: { input: id } }));

function crashingAgent(crashOn: string, asked: string[]): Agent {
  return {
    name: "crashy",
    async ask(input) {
      asked.push(input);
      // a real crash kills the process; cancellation is the in-process stand-in
      if (input === crashOn) throw new Error("unreachable");
      return input.toUpperCase();
    },
  };
}

describe("runAgent resume", () => {
  it("journals each graded task, and a resumed run runs only the missing ones and saves one complete run", async () => {
    const store = new TinyStore();
    const controller = new AbortController();
    const firstAsked: string[] = [];
    const agent: Agent = {
      name: "crashy",
      async ask(input) {
        firstAsked.push(input);
        if (input === "c") controller.abort(new Error("killed"));
        return input.toUpperCase();
      },
    };
    const base: RunAgentOptions = {
      agent,
      scorers: [answered],
      store,
      tracing: eventTracing(),
      concurrency: 1,
      repeats: 1,
    };
    await assert.rejects(
      runAgent(suite, { ...base, runId: "r1", signal: controller.signal }),
      /killed/,
    );
    assert.equal(store.runs.has("r1"), false);
    const journal = await store.readJournal("r1");
    assert.deepEqual(
      journal?.results.map((r) => r.task.taskId),
      ["a", "b"],
    );
    assert.deepEqual(journal?.header.taskIds, ["a", "b", "c", "d"]);

    const secondAsked: string[] = [];
    const result = await runAgent(suite, {
      ...base,
      agent: crashingAgent("none", secondAsked),
      resume: "r1",
    });
    assert.deepEqual(secondAsked, ["c", "d"]);
    assert.deepEqual(
      result.tasks.map((t) => t.task.taskId),
      ["a", "b", "c", "d"],
    );
    assert.equal(result.passRate("answered"), 1);
    assert.equal(result.createdAt, journal?.header.createdAt);
    assert.equal(store.runs.get("r1"), result);
    assert.equal(await store.readJournal("r1"), null, "journal discarded after the save");
  });

  it("refuses to resume a finished run, a run without a journal, and a journal of other tasks", async () => {
    const store = new TinyStore();
    const base: RunAgentOptions = {
      agent: crashingAgent("none", []),
      scorers: [answered],
      store,
      tracing: eventTracing(),
    };
    await runAgent(suite, { ...base, runId: "done" });
    await assert.rejects(runAgent(suite, { ...base, resume: "done" }), {
      name: "ResumeError",
      message: "run done is already finished; nothing to resume",
    });
    await assert.rejects(
      runAgent(suite, { ...base, resume: "nope" }),
      /run nope has no journal in the store/,
    );

    await store.openJournal({
      runId: "other",
      label: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      target: "x",
      concurrency: 1,
      suite: { name: "inline", source: "inline", size: 3 },
      taskIds: ["a", "b", "z"],
    });
    await assert.rejects(runAgent(suite, { ...base, resume: "other" }), {
      name: "ResumeError",
      message:
        "cannot resume run other: its journal was written for other tasks (only in the journal: ['z']; only in this suite: ['c', 'd'])",
    });
    await assert.rejects(
      runAgent(suite, { ...base, repeats: 2, resume: "other" }),
      /only in this suite: \['a#1', 'a#2'/,
    );
    await assert.rejects(
      runAgent(suite, { ...base, store: null, resume: "x" }),
      /option 'resume' needs a store with journals/,
    );
    await assert.rejects(
      runAgent(suite, { ...base, runId: "a", resume: "b" }),
      /name different runs/,
    );
  });

  /** Aborts after `graded` tasks of `records`, leaving run `runId` journaled in `store`. */
  async function abortedRun(
    store: TinyStore,
    records: readonly TaskRecord[],
    graded: number,
  ): Promise<RunAgentOptions> {
    const controller = new AbortController();
    let asked = 0;
    const base: RunAgentOptions = {
      agent: {
        name: "crashy",
        async ask(input) {
          asked++;
          if (asked === graded + 1) controller.abort(new Error("killed"));
          return input.toUpperCase();
        },
      },
      scorers: [answered],
      store,
      tracing: eventTracing(),
      concurrency: 1,
    };
    await assert.rejects(
      runAgent(records, { ...base, runId: "r1", signal: controller.signal }),
      /killed/,
    );
    assert.equal((await store.readJournal("r1"))?.results.length, graded);
    return { ...base, agent: crashingAgent("none", []) };
  }

  const withReferences = Array.from({ length: 10 }, (_, i) => ({
    task_id: `t${i + 1}`,
    inputs: { input: `q${i + 1}`, lang: "en" },
    reference_outputs: { answer: `A${i + 1}` },
  }));

  it("refuses a suite whose journaled tasks have other reference outputs or inputs, naming them", async () => {
    const store = new TinyStore();
    const base = await abortedRun(store, withReferences, 4);
    const changedRefs = withReferences.map((r, i) =>
      i === 2 || i === 3 || i === 7 ? { ...r, reference_outputs: { answer: "other" } } : r,
    );
    await assert.rejects(runAgent(changedRefs, { ...base, resume: "r1" }), {
      name: "ResumeError",
      message:
        "resume run r1: the suite changed: reference_outputs of task(s) ['t3', 't4'] differ from the journaled run",
    });
    const changedBoth = withReferences.map((r, i) =>
      i === 0 ? { ...r, inputs: { input: "q1", lang: "fr" } } : { ...r, reference_outputs: null },
    );
    await assert.rejects(runAgent(changedBoth, { ...base, resume: "r1" }), {
      name: "ResumeError",
      message:
        "resume run r1: the suite changed: inputs of task(s) ['t1'] and reference_outputs of task(s) ['t2', 't3', 't4'] differ from the journaled run",
    });
    assert.equal(store.runs.has("r1"), false, "nothing saved by a refused resume");
    assert.equal((await store.readJournal("r1"))?.results.length, 4, "journal left as it was");
  });

  it("lists the first five changed tasks and counts the rest", async () => {
    const store = new TinyStore();
    const base = await abortedRun(store, withReferences, 8);
    const changed = withReferences.map((r) => ({ ...r, reference_outputs: { answer: "x" } }));
    await assert.rejects(
      runAgent(changed, { ...base, resume: "r1" }),
      /reference_outputs of task\(s\) \['t1', 't2', 't3', 't4', 't5'\] and 3 more differ/,
    );
  });

  it("accepts equal inputs written with their keys in another order", async () => {
    const store = new TinyStore();
    const base = await abortedRun(store, withReferences, 3);
    const reordered = withReferences.map((r) => ({
      task_id: r.task_id,
      reference_outputs: r.reference_outputs,
      inputs: { lang: "en", input: r.inputs.input },
    }));
    const result = await runAgent(reordered, { ...base, resume: "r1" });
    assert.equal(result.tasks.length, 10);
  });

  it("refuses other scorer keys, naming those added and removed", async () => {
    const store = new TinyStore();
    const base = await abortedRun(store, suite, 2);
    assert.deepEqual((await store.readJournal("r1"))?.header.scorers, ["answered"]);
    const loud = scorer(() => true, { key: "loud" });
    await assert.rejects(runAgent(suite, { ...base, scorers: [answered, loud], resume: "r1" }), {
      name: "ResumeError",
      message: "resume run r1: the scorers changed: added ['loud'] (journaled: ['answered'])",
    });
    await assert.rejects(runAgent(suite, { ...base, scorers: [loud], resume: "r1" }), {
      name: "ResumeError",
      message:
        "resume run r1: the scorers changed: added ['loud'], removed ['answered'] (journaled: ['answered'])",
    });
    await assert.rejects(runAgent(suite, { ...base, scorers: [], resume: "r1" }), {
      message: "resume run r1: the scorers changed: removed ['answered'] (journaled: ['answered'])",
    });
    const result = await runAgent(suite, { ...base, resume: "r1" });
    assert.deepEqual(
      result.tasks.map((t) => t.feedback.map((f) => f.key)),
      [["answered"], ["answered"], ["answered"], ["answered"]],
    );
  });

  it("skips the scorer check for a journal written before scorer keys were recorded", async () => {
    const store = new TinyStore();
    await store.openJournal({
      runId: "old",
      label: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      target: "crashy",
      concurrency: 1,
      suite: { name: "inline", source: "inline", size: 4 },
      taskIds: ["a", "b", "c", "d"],
    });
    const loud = scorer(() => true, { key: "loud" });
    const result = await runAgent(suite, {
      agent: crashingAgent("none", []),
      scorers: [loud],
      store,
      tracing: eventTracing(),
      resume: "old",
    });
    assert.equal(result.passRate("loud"), 1);
    assert.equal(result.createdAt, "2026-01-01T00:00:00.000Z");
  });
});
