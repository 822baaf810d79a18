import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TaskResult } from "../result/task-result.js";
import { makeTaskResult } from "../testing/make-results.js";
import { groupCommitJournal } from "./group-commit-journal.js";

interface Gate {
  readonly lines: readonly string[];
  open(): void;
  fail(error: Error): void;
}

/**
 * A journal whose commits wait until the test opens (or fails) them, one gate per commit, and
 * whose store is `recorded`: what committed batches hold, in order.
 */
function gatedJournal(maxBatch = 100) {
  const gates: Gate[] = [];
  const recorded: string[] = [];
  const waiting: ((gate: Gate) => void)[] = [];
  let released = 0;
  const journal = groupCommitJournal<string>({
    maxBatch,
    encode(result) {
      if (result.task.taskId.startsWith("bad"))
        throw new TypeError(`cannot encode ${result.task.taskId}`);
      return result.task.taskId;
    },
    commit(lines) {
      return new Promise<void>((resolve, reject) => {
        const gate: Gate = {
          lines: [...lines],
          open() {
            recorded.push(...lines);
            resolve();
          },
          fail: reject,
        };
        gates.push(gate);
        waiting.shift()?.(gate);
      });
    },
    closedError: () => new Error("journal is closed"),
    async release() {
      released++;
    },
  });
  /** The next commit: one already started and not yet taken, or the next to start. */
  let taken = 0;
  const nextCommit = (): Promise<Gate> => {
    const index = taken++;
    const gate = gates[index];
    return gate ? Promise.resolve(gate) : new Promise((resolve) => waiting.push(resolve));
  };
  return { journal, recorded, nextCommit, released: () => released };
}

const task = (taskId: string): TaskResult => makeTaskResult({ taskId });

/** Settles to "resolved", "rejected: <message>" or, still pending after the queue ran, "pending". */
async function state(promise: Promise<void>): Promise<string> {
  const pending = Symbol("pending");
  const outcome = await Promise.race([
    promise.then(
      () => "resolved",
      (error: Error) => `rejected: ${error.message}`,
    ),
    new Promise<symbol>((resolve) => setImmediate(() => resolve(pending))),
  ]);
  return outcome === pending ? "pending" : (outcome as string);
}

describe("groupCommitJournal", () => {
  it("commits the appends that arrive during a commit together in the next one, each resolving only once committed", async () => {
    const { journal, recorded, nextCommit } = gatedJournal();
    const a = journal.append(task("a"));
    const first = await nextCommit();
    assert.deepEqual(first.lines, ["a"]);
    const b = journal.append(task("b"));
    const c = journal.append(task("c"));
    assert.equal(await state(a), "pending", "not durable before its commit finished");
    first.open();
    assert.equal(await state(a), "resolved");
    const second = await nextCommit();
    assert.deepEqual(second.lines, ["b", "c"], "one commit for the appends that waited");
    assert.equal(await state(b), "pending");
    second.open();
    assert.deepEqual([await state(b), await state(c)], ["resolved", "resolved"]);
    assert.deepEqual(recorded, ["a", "b", "c"]);
  });

  it("rejects the appends of a failed commit, keeps what was committed before, and commits later appends", async () => {
    const { journal, recorded, nextCommit } = gatedJournal();
    const a = journal.append(task("a"));
    const first = await nextCommit();
    const b = journal.append(task("b"));
    const c = journal.append(task("c"));
    first.open();
    const failing = await nextCommit();
    assert.deepEqual(failing.lines, ["b", "c"]);
    failing.fail(new Error("disk full"));
    assert.deepEqual(
      [await state(a), await state(b), await state(c)],
      ["resolved", "rejected: disk full", "rejected: disk full"],
    );
    const d = journal.append(task("d"));
    const third = await nextCommit();
    assert.deepEqual(third.lines, ["d"]);
    third.open();
    await d;
    assert.deepEqual(recorded, ["a", "d"], "the line recorded before the failure is still there");
  });

  it("fails only the append whose result cannot be encoded; the rest of its batch commits", async () => {
    const { journal, recorded, nextCommit } = gatedJournal();
    const first = journal.append(task("first"));
    const gate = await nextCommit();
    const appends = ["x", "bad-1", "y"].map((id) => journal.append(task(id)));
    gate.open();
    await first;
    const batch = await nextCommit();
    assert.deepEqual(batch.lines, ["x", "y"]);
    batch.open();
    assert.deepEqual(await Promise.all(appends.map(state)), [
      "resolved",
      "rejected: cannot encode bad-1",
      "resolved",
    ]);
    assert.deepEqual(recorded, ["first", "x", "y"]);
  });

  it("cuts a backlog into batches of at most maxBatch lines, committed one at a time in order", async () => {
    const { journal, recorded, nextCommit } = gatedJournal(2);
    const appends = [journal.append(task("t0"))];
    const first = await nextCommit();
    for (const id of ["t1", "t2", "t3", "t4", "t5"]) appends.push(journal.append(task(id)));
    first.open();
    const sizes: string[][] = [first.lines.slice()];
    for (let batch = 0; batch < 3; batch++) {
      const gate = await nextCommit();
      sizes.push(gate.lines.slice());
      gate.open();
    }
    await Promise.all(appends);
    assert.deepEqual(sizes, [["t0"], ["t1", "t2"], ["t3", "t4"], ["t5"]]);
    assert.deepEqual(recorded, ["t0", "t1", "t2", "t3", "t4", "t5"]);
  });

  it("closes after the commit in flight, releases once, and refuses appends after", async () => {
    const { journal, recorded, nextCommit, released } = gatedJournal();
    const a = journal.append(task("a"));
    const gate = await nextCommit();
    const closing = journal.close();
    assert.equal(await state(closing), "pending", "close waits for the commit in flight");
    assert.equal(released(), 0);
    await assert.rejects(journal.append(task("late")), /journal is closed/);
    gate.open();
    await closing;
    await a;
    await journal.close();
    assert.equal(released(), 1);
    assert.deepEqual(recorded, ["a"]);
  });
});
