import assert from "node:assert/strict";
import { describe, it, mock } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import { runAgent } from "./run-agent.js";
import { answered } from "./run-agent.test-helper.js";
import type { RunAgentOptions } from "./run-agent-options.js";
import { TinyStore } from "./run-fixtures.test.js";

const suite = ["a", "b", "c", "d"].map((id) => ({ task_id: id, inputs: { input: id } }));

/** An agent that records what it was asked, and cancels its run when asked `stopAt`. */
function recording(asked: string[], stop?: { at: string; controller: AbortController }): Agent {
  return {
    name: "crashy",
    async ask(input) {
      asked.push(input);
      if (input === stop?.at) stop.controller.abort(new Error("killed"));
      return input.toUpperCase();
    },
  };
}

/** A store holding the journal of run r1, interrupted after tasks a and b. */
async function interrupted(): Promise<{ store: TinyStore; base: RunAgentOptions }> {
  const store = new TinyStore();
  const controller = new AbortController();
  const base: RunAgentOptions = {
    agent: recording([]),
    scorers: [answered],
    store,
    tracing: eventTracing(),
    concurrency: 1,
  };
  await assert.rejects(
    runAgent(suite, {
      ...base,
      agent: recording([], { at: "c", controller }),
      runId: "r1",
      signal: controller.signal,
    }),
    /killed/,
  );
  return { store, base };
}

describe("runAgent resumeJournal", () => {
  it("resumes from the journal the caller read, without reading it again", async () => {
    const { store, base } = await interrupted();
    const journal = await store.readJournal("r1");
    const reads = mock.method(store, "readJournal");
    const asked: string[] = [];
    const result = await runAgent(suite, {
      ...base,
      agent: recording(asked),
      resume: "r1",
      resumeJournal: journal,
    });
    assert.equal(reads.mock.callCount(), 0);
    assert.deepEqual(asked, ["c", "d"]);
    assert.deepEqual(
      result.tasks.map((t) => t.task.taskId),
      ["a", "b", "c", "d"],
    );
    assert.equal(result.createdAt, journal?.header.createdAt);
  });

  it("takes null as 'no journal': nothing to resume", async () => {
    const { base } = await interrupted();
    await assert.rejects(runAgent(suite, { ...base, resume: "r1", resumeJournal: null }), {
      name: "ResumeError",
      message: /run r1 has no journal in the store/,
    });
  });

  it("refuses a journal without resume, or the journal of another run, before any task runs", async () => {
    const { store, base } = await interrupted();
    const journal = await store.readJournal("r1");
    const asked: string[] = [];
    const agent = recording(asked);
    await assert.rejects(runAgent(suite, { ...base, agent, resumeJournal: journal }), {
      name: "InvalidOptionError",
      option: "resumeJournal",
      message:
        /'resumeJournal' is the journal of the run 'resume' continues; got it without 'resume'/,
    });
    await assert.rejects(
      runAgent(suite, { ...base, agent, resume: "r2", resumeJournal: journal }),
      {
        name: "InvalidOptionError",
        message: /must be what store\.readJournal\('r2'\) returned; got the journal of run r1/,
      },
    );
    assert.deepEqual(asked, []);
  });
});
