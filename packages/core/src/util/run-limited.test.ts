import assert from "node:assert/strict";
import { describe, it } from "node:test";
import pLimit from "p-limit";
import { LOOK_AHEAD, runLimited, YIELD_EVERY } from "./run-limited.js";

describe("runLimited", () => {
  it("keeps order and never exceeds the concurrency", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await runLimited([5, 1, 4, 2, 3], { concurrency: 2 }, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, n));
      inFlight--;
      return n * 10;
    });
    assert.deepEqual(results, [50, 10, 40, 20, 30]);
    assert.equal(most, 2);
  });

  it("lets I/O callbacks run while work that never waits on I/O goes on", async () => {
    // A macrotask scheduled at the start stands for a journal write completing: it must run
    // long before the last item starts, or a crash would lose everything done so far.
    let startedWhenIoRan: number | null = null;
    let started = 0;
    setImmediate(() => {
      startedWhenIoRan = started;
    });
    const items = Array.from({ length: YIELD_EVERY * 10 }, (_, index) => index);
    await runLimited(items, { concurrency: 4 }, async (item) => {
      started++;
      return item;
    });
    assert.notEqual(startedWhenIoRan, null);
    assert.ok(
      (startedWhenIoRan ?? Number.POSITIVE_INFINITY) <= YIELD_EVERY + 4,
      `ran after ${startedWhenIoRan} starts`,
    );
  });

  it("rejects with the signal's reason and starts nothing more once aborted", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runLimited(
      [1, 2, 3, 4],
      { concurrency: 1, signal: controller.signal },
      async (n) => {
        seen.push(n);
        if (n === 2) controller.abort(new Error("stop"));
        await new Promise((resolve) => setTimeout(resolve, 1));
        return n;
      },
    );
    await assert.rejects(run, /stop/);
    assert.deepEqual(seen, [1, 2]);
  });

  it("rejects with a call's error and starts nothing more after it", async () => {
    const seen: number[] = [];
    const run = runLimited([1, 2, 3, 4, 5], { concurrency: 2 }, async (n) => {
      seen.push(n);
      await new Promise((resolve) => setTimeout(resolve, n));
      if (n === 1) throw new Error("item 1 failed");
      return n;
    });
    await assert.rejects(run, /item 1 failed/);
    // 1 and 2 started together; 1 failed before 2 finished, so 3 never started
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(seen, [1, 2]);
  });

  it("resolves an empty list without calling fn, and calls each item exactly once", async () => {
    let calls = 0;
    assert.deepEqual(await runLimited([], { concurrency: 3 }, async () => calls++), []);
    const items = Array.from({ length: 200 }, (_, index) => index);
    const counts = new Array<number>(items.length).fill(0);
    const results = await runLimited(items, { concurrency: 7 }, async (item, index) => {
      counts[index] = (counts[index] ?? 0) + 1;
      if (item % 3 === 0) await new Promise((resolve) => setImmediate(resolve));
      return item * 2;
    });
    assert.equal(calls, 0);
    assert.deepEqual(
      results,
      items.map((item) => item * 2),
    );
    assert.ok(counts.every((count) => count === 1));
  });

  it("keeps at most LOOK_AHEAD × concurrency items in the limiter, refilled as they settle", async () => {
    // watching the limiter's own queue: items waiting there are what would cost memory on a
    // 100,000-task suite if every item were handed over up front
    const concurrency = 3;
    const limiter = pLimit(concurrency);
    let mostWaiting = 0;
    let mostInLimiter = 0;
    const watch = (): void => {
      mostWaiting = Math.max(mostWaiting, limiter.pendingCount);
      mostInLimiter = Math.max(mostInLimiter, limiter.pendingCount + limiter.activeCount);
    };
    const items = Array.from({ length: 2000 }, (_, index) => index);
    const results = await runLimited(items, { concurrency, limiter }, async (item) => {
      watch();
      if (item % 2 === 0) await new Promise((resolve) => setImmediate(resolve));
      watch();
      return item + 1;
    });
    assert.deepEqual(
      results,
      items.map((item) => item + 1),
    );
    assert.ok(mostInLimiter <= LOOK_AHEAD * concurrency, `${mostInLimiter} in the limiter`);
    assert.ok(
      mostWaiting <= (LOOK_AHEAD - 1) * concurrency,
      `${mostWaiting} queued but not started`,
    );
    // the look-ahead is used: the limiter always had the next items waiting
    assert.equal(mostWaiting, (LOOK_AHEAD - 1) * concurrency);
    // the last call frees its slot just after the map resolves
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(limiter.pendingCount + limiter.activeCount, 0);
  });

  it("starts none of the items already queued in the limiter once a call fails", async () => {
    const seen: number[] = [];
    const limiter = pLimit(2);
    const items = Array.from({ length: 50 }, (_, index) => index);
    const run = runLimited(items, { concurrency: 2, limiter }, async (n) => {
      seen.push(n);
      if (n === 3) throw new Error("item 3 failed");
      await new Promise((resolve) => setImmediate(resolve));
      return n;
    });
    await assert.rejects(run, /item 3 failed/);
    // 3 failed as it started, while 2 was running; none of the queued items started after it
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(seen, [0, 1, 2, 3]);
    assert.equal(limiter.pendingCount + limiter.activeCount, 0);
  });
});
