import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import type { RetryOptions } from "./retry-policy.js";
import { runAgent } from "./run-agent.js";
import { answered } from "./run-agent.test-helper.js";

function busy(retryAfterMs?: number): Error {
  return Object.assign(new Error("HTTP 503"), { status: 503, retryAfterMs });
}

/** Always fails with `error`; counts asks and the most asks in flight at once. */
function failingAgent(error: () => unknown): Agent & { asks: number; peak: number } {
  let inFlight = 0;
  const agent = {
    name: "failing",
    asks: 0,
    peak: 0,
    async ask(): Promise<string> {
      agent.asks++;
      inFlight++;
      agent.peak = Math.max(agent.peak, inFlight);
      await Promise.resolve();
      inFlight--;
      throw error();
    },
  };
  return agent;
}

const suite = ["a", "b", "c"].map((id) => ({ task_id: id, inputs: { input: id } }));

function run(agent: Agent, retries: RetryOptions, taskTimeoutMs: number) {
  return runAgent(suite, {
    agent,
    scorers: [answered],
    store: null,
    tracing: eventTracing(),
    concurrency: 1,
    taskTimeoutMs,
    retries,
  });
}

describe("runAgent retries under taskTimeoutMs", () => {
  it("a backoff that would pass the deadline ends the task as a TaskTimeoutError and frees its slot", async () => {
    // the reviewer's case: 503 with Retry-After 5 s, 3 attempts, 300 ms per task, one slot
    const agent = failingAgent(() => busy(5000));
    const started = performance.now();
    const result = await run(agent, { attempts: 3 }, 300);
    // three tasks of two 5 s waits each would take 30 s; a generous bound well below that
    assert.ok(performance.now() - started < 10_000);
    assert.equal(agent.asks, 3);
    assert.equal(agent.peak, 1);
    for (const task of result.tasks) {
      assert.equal(task.trace.exception?.type, "TaskTimeoutError");
      assert.match(task.trace.exception?.message ?? "", /timed out after 300 ms/);
      assert.deepEqual(
        task.attempts?.map((a) => a.error?.message),
        ["HTTP 503"],
      );
      assert.equal(task.feedback[0]?.score, false);
    }
    assert.equal(result.aggregates.errors, 3);
  });

  it("a custom sleep that ignores its signal still cannot hold the slot past the deadline", async () => {
    let sleeps = 0;
    const agent = failingAgent(() => busy());
    const result = await run(
      agent,
      {
        attempts: 5,
        random: () => 0.5,
        sleep: () => {
          sleeps++;
          return new Promise<void>(() => undefined);
        },
      },
      50,
    );
    assert.equal(sleeps, 3);
    assert.equal(agent.asks, 3);
    assert.deepEqual(
      result.tasks.map((t) => t.trace.exception?.type),
      ["TaskTimeoutError", "TaskTimeoutError", "TaskTimeoutError"],
    );
  });

  it("the deadline spans attempts: a hanging retry gets only what is left and is not retried after it", async () => {
    let asks = 0;
    const agent: Agent = {
      name: "hangs-on-retry",
      ask(_input, { signal } = {}) {
        asks++;
        if (asks % 2 === 1) return Promise.reject(busy());
        // ignores nothing: ends only when its signal aborts
        return new Promise((_, reject) =>
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true }),
        );
      },
    };
    const result = await runAgent([suite[0] as (typeof suite)[number]], {
      agent,
      scorers: [answered],
      store: null,
      tracing: eventTracing(),
      taskTimeoutMs: 80,
      // `on` accepts everything, the timeout too: the deadline must still stop the retries
      retries: { attempts: 5, on: () => true, sleep: async () => undefined },
    });
    assert.equal(asks, 2);
    const task = result.tasks[0];
    assert.equal(task?.trace.exception?.type, "TaskTimeoutError");
    assert.match(task?.trace.exception?.message ?? "", /after 80 ms/);
    assert.deepEqual(
      task?.attempts?.map((a) => a.error?.type),
      ["Error", "TaskTimeoutError"],
    );
  });

  it("a Retry-After above maxDelayMs ends the retries without waiting, and the attempt says why", async () => {
    const slept: number[] = [];
    const agent = failingAgent(() => busy(60_000));
    const result = await run(
      agent,
      {
        attempts: 3,
        maxDelayMs: 1000,
        sleep: async (ms) => {
          slept.push(ms);
        },
      },
      2 ** 30,
    );
    assert.deepEqual(slept, []);
    assert.equal(agent.asks, 3);
    const task = result.tasks[0];
    assert.equal(task?.trace.exception?.message, "HTTP 503");
    assert.equal(task?.attempts?.length, 1);
    assert.match(
      task?.attempts?.[0]?.error?.message ?? "",
      /^HTTP 503 \(not retried: the server asked to wait 60000 ms, more than retries.maxDelayMs 1000\)$/,
    );
  });

  it("within the deadline, retries still run and the task can pass", async () => {
    let asks = 0;
    const agent: Agent = {
      name: "second-time",
      async ask(input) {
        asks++;
        if (asks === 1) throw busy(10);
        return input;
      },
    };
    const slept: number[] = [];
    const result = await runAgent([suite[0] as (typeof suite)[number]], {
      agent,
      scorers: [answered],
      store: null,
      tracing: eventTracing(),
      taskTimeoutMs: 60_000,
      retries: {
        attempts: 3,
        random: () => 0,
        sleep: async (ms) => {
          slept.push(ms);
        },
      },
    });
    assert.deepEqual(slept, [10]);
    assert.equal(result.tasks[0]?.trace.exception, null);
    assert.equal(result.tasks[0]?.feedback[0]?.score, true);
  });
});
