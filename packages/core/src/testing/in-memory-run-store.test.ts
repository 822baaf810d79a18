import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeRunStoreContract } from "./describe-run-store-contract.js";
import { InMemoryRunStore } from "./in-memory-run-store.js";
import { makeRunResult, makeTaskResult } from "./make-results.js";

describeRunStoreContract("InMemoryRunStore", () => new InMemoryRunStore());

describe("InMemoryRunStore", () => {
  it("is not changed by mutating the saved or the loaded objects", async () => {
    const store = new InMemoryRunStore();
    const metadata: Record<string, unknown> = { round: 1 };
    const run = makeRunResult({ runId: "r", tasks: [makeTaskResult({ taskId: "t", metadata })] });
    await store.save(run);
    metadata.round = 2;
    const loaded = await store.load("r");
    assert.deepEqual(loaded.tasks[0]?.task.metadata, { round: 1 });
    (loaded.tasks[0]?.task.metadata as Record<string, unknown>).round = 3;
    assert.deepEqual((await store.load("r")).tasks[0]?.task.metadata, { round: 1 });
  });

  it("orders runs of the same millisecond by their microseconds, then by save order", async () => {
    const store = new InMemoryRunStore();
    await store.save(makeRunResult({ runId: "b", createdAt: "2026-11-26T10:00:00.000002+00:00" }));
    await store.save(makeRunResult({ runId: "a", createdAt: "2026-11-26T10:00:00.000001+00:00" }));
    await store.save(makeRunResult({ runId: "c", createdAt: "2026-11-26T10:00:00.000001+00:00" }));
    assert.deepEqual(
      (await store.list()).map((info) => info.runId),
      ["b", "c", "a"],
    );
  });

  it("rejects appends to a closed journal", async () => {
    const store = new InMemoryRunStore();
    const journal = await store.openJournal({
      runId: "j",
      label: null,
      createdAt: "2026-11-26T10:00:00.000000+00:00",
      target: "t",
      concurrency: 1,
      suite: { name: "inline", source: "inline", size: 1 },
      taskIds: ["x"],
    });
    await journal.close();
    await assert.rejects(
      journal.append(makeTaskResult({ taskId: "x" })),
      /journal of run "j" is closed/,
    );
  });
});
