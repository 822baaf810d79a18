import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RunResult } from "../run-result/run-result.js";
import { InMemoryRunStore } from "../testing/in-memory-run-store.js";
import { runAgent } from "./run-agent.js";
import { answered, options, records } from "./run-agent.test-helper.js";

/** A store whose final save fails as a full disk does; journals work. */
class FullDiskStore extends InMemoryRunStore {
  failSaves = true;
  override async save(result: RunResult): Promise<void> {
    if (this.failSaves) {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }
    await super.save(result);
  }
}

describe("runAgent when the final save fails", () => {
  it("returns the graded run with saveError set, keeps the journal, and resume saves it", async () => {
    const store = new FullDiskStore();
    const result = await runAgent(records, options({ store, scorers: [answered], runId: "full" }));
    assert.equal(result.tasks.length, 2);
    assert.equal(result.saveError?.message, "ENOSPC: no space left on device, write");
    assert.ok(result.warnings.some((line) => line.startsWith("saving run full failed:")));
    assert.deepEqual(await store.list(), [], "nothing saved");
    const journal = await store.readJournal("full");
    assert.equal(journal?.results.length, 2, "the journal keeps every graded task");

    store.failSaves = false;
    const resumed = await runAgent(
      records,
      options({ store, scorers: [answered], resume: "full" }),
    );
    assert.equal(resumed.saveError, null);
    assert.equal((await store.load("full")).tasks.length, 2);
    assert.equal(await store.readJournal("full"), null, "the journal goes once saved");
  });

  it("a saved run has no saveError", async () => {
    const result = await runAgent(records, options({ store: new InMemoryRunStore() }));
    assert.equal(result.saveError, null);
  });
});
