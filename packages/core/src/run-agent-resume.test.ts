import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "./agent.js";
import { eventTracing } from "./event-tracing.js";
import { type RunAgentOptions, runAgent } from "./run-agent.js";
import { TinyStore } from "./run-fixtures.test.js";
import { scorer } from "./scorer.js";

const answered = scorer(({ outputs }) => outputs.body !== undefined, { key: "answered" });
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
      name: "stops",
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
});
