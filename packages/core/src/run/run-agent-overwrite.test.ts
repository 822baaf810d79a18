import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import type { RunStore } from "../run-result/run-store.js";
import { InMemoryRunStore } from "../testing/in-memory-run-store.js";
import { runAgent } from "./run-agent.js";
import { options, records } from "./run-agent.test-helper.js";
import { RunExistsError } from "./run-exists-error.js";

const header = {
  runId: "x",
  label: null,
  createdAt: "2026-12-06T10:00:00.000000+00:00",
  target: "model",
  concurrency: 4,
  suite: { name: "inline", source: "inline", size: 2 },
  taskIds: ["a", "b"],
};

describe("runAgent with a run id the store already holds", () => {
  it("refuses a saved run's id before any task runs, and keeps the saved run", async () => {
    const store = new InMemoryRunStore();
    const first = await runAgent(records, options({ store, runId: "x", label: "first" }));
    const asked: string[] = [];
    const agent = { name: "counting", ask: async (input: string) => asked.push(input) };
    await assert.rejects(
      runAgent(records, options({ store, runId: "x", agent })),
      (error: unknown) => {
        assert.ok(RunExistsError.isInstance(error));
        assert.equal(error.runId, "x");
        assert.match(error.message, /run x already exists in the store/);
        assert.match(
          error.message,
          /overwrite replaces that run, resume continues an unfinished one/,
        );
        return true;
      },
    );
    assert.deepEqual(asked, []);
    assert.equal((await store.load("x")).createdAt, first.createdAt);
  });

  it("replaces it with overwrite: true", async () => {
    const store = new InMemoryRunStore();
    await runAgent(records, options({ store, runId: "x", label: "first" }));
    const again = await runAgent(
      records,
      options({ store, runId: "x", label: "second", overwrite: true }),
    );
    assert.equal((await store.load("x")).label, "second");
    assert.equal(again.tasks.length, 2);
  });

  it("refuses an unfinished run's id (its journal is there) unless resumed or overwritten", async () => {
    const store = new InMemoryRunStore();
    await (await store.openJournal(header)).close();
    await assert.rejects(runAgent(records, options({ store, runId: "x" })), RunExistsError);
    assert.notEqual(await store.readJournal("x"), null, "the refused run kept the journal");
    const resumed = await runAgent(records, options({ store, resume: "x" }));
    assert.equal(resumed.createdAt, header.createdAt);
  });

  it("a store without journals or exists() is asked through load()", async () => {
    const inner = new InMemoryRunStore();
    const store: RunStore = {
      save: (result) => inner.save(result),
      load: (runId) => inner.load(runId),
      list: (o) => inner.list(o),
      delete: (runId) => inner.delete(runId),
    };
    await runAgent(records, options({ store, runId: "x" }));
    await assert.rejects(runAgent(records, options({ store, runId: "x" })), RunExistsError);
    await runAgent(records, options({ store, runId: "y" }));
  });

  it("takes the store's lock before checking, and releases it however the run ends", async () => {
    const inner = new InMemoryRunStore();
    const events: string[] = [];
    const store: RunStore = {
      save: (result) => inner.save(result),
      load: (runId) => inner.load(runId),
      list: (o) => inner.list(o),
      delete: (runId) => inner.delete(runId),
      lock: async (runId) => {
        events.push(`lock ${runId}`);
        return { release: async () => void events.push(`release ${runId}`) };
      },
      exists: async (runId) => {
        events.push(`exists ${runId}`);
        return runId === "taken";
      },
    };
    await runAgent(records, options({ store, runId: "free" }));
    await assert.rejects(runAgent(records, options({ store, runId: "taken" })), RunExistsError);
    const controller = new AbortController();
    const agent = {
      name: "aborts",
      ask: async () => controller.abort(new Error("stop")),
    };
    await assert.rejects(
      runAgent(records, options({ store, runId: "cut", agent, signal: controller.signal })),
      /stop/,
    );
    assert.deepEqual(events, [
      "lock free",
      "exists free",
      "release free",
      "lock taken",
      "exists taken",
      "release taken",
      "lock cut",
      "exists cut",
      "release cut",
    ]);
  });

  it("rejects overwrite with resume, and an overwrite that is not a boolean", async () => {
    const store = new InMemoryRunStore();
    await assert.rejects(
      runAgent(records, options({ store, resume: "x", overwrite: true })),
      (error: unknown) =>
        InvalidOptionError.isInstance(error) &&
        error.option === "overwrite" &&
        /contradict each other/.test(error.message),
    );
    await assert.rejects(
      runAgent(records, options({ store, overwrite: "yes" as unknown as boolean })),
      /option 'overwrite' must be a boolean; got string/,
    );
  });
});
