import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import { runResultToJsonText } from "../run-file/write-run-file.js";
import { parseRunFile } from "../run-result/parse-run-file.js";
import { checkRetries, isTransientError, type RetryOptions, retryDelayMs } from "./retry-policy.js";
import { runAgent } from "./run-agent.js";
import { answered } from "./run-agent.test-helper.js";
import type { RunAgentOptions } from "./run-agent-options.js";
import { settle } from "./run-fixtures.test.js";

function httpError(status: number, retryAfterMs?: number): Error {
  const error = Object.assign(new Error(`HTTP ${status}`), { status, retryAfterMs });
  error.name = "ModelHTTPError";
  return error;
}

/** An agent that throws the scripted errors for each input, in order, then answers. */
function flakyAgent(script: Record<string, unknown[]>, asked: string[] = []): Agent {
  const left = new Map(Object.entries(script).map(([k, v]) => [k, [...v]]));
  return {
    name: "flaky",
    async ask(input) {
      asked.push(input);
      const next = left.get(input)?.shift();
      if (next !== undefined) throw next;
      return `ok ${input}`;
    },
  };
}

function options(
  agent: Agent,
  retries: RetryOptions | undefined,
  sleeps: number[],
): RunAgentOptions {
  return {
    agent,
    scorers: [answered],
    store: null,
    tracing: eventTracing(),
    concurrency: 1,
    retries: retries && {
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...retries,
    },
  };
}

describe("runAgent retries", () => {
  it("retries transient failures with exponential backoff, grades the last attempt and records every one", async () => {
    const sleeps: number[] = [];
    const asked: string[] = [];
    const agent = flakyAgent({ a: [httpError(503), httpError(429)] }, asked);
    const result = await runAgent(
      [{ task_id: "a", inputs: { input: "a" } }],
      options(agent, { attempts: 3, baseDelayMs: 100 }, sleeps),
    );
    assert.deepEqual(asked, ["a", "a", "a"]);
    // full jitter with random() = 0.5: half of 100 * 2^0, then half of 100 * 2^1
    assert.deepEqual(sleeps, [50, 100]);
    const task = result.tasks[0];
    assert.equal(task?.trace.exception, null);
    assert.equal(task?.feedback[0]?.score, true);
    assert.deepEqual(
      task?.attempts?.map((a) => a.error && [a.error.type, a.error.message]),
      [["ModelHTTPError", "HTTP 503"], ["ModelHTTPError", "HTTP 429"], null],
    );
    // the attempts survive the run file (an extra per-task key)
    const text = runResultToJsonText(result);
    assert.match(text, /"attempts": \[/);
    const again = parseRunFile(text);
    assert.deepEqual(again.tasks[0]?.attempts, task?.attempts);
  });

  it("gives up after `attempts` asks and grades the last failure", async () => {
    const sleeps: number[] = [];
    const agent = flakyAgent({
      a: [httpError(500), httpError(502), httpError(504), httpError(500)],
    });
    const result = await runAgent(
      [{ task_id: "a", inputs: { input: "a" } }],
      options(agent, { attempts: 3 }, sleeps),
    );
    assert.equal(result.tasks[0]?.trace.exception?.message, "HTTP 504");
    assert.equal(result.tasks[0]?.attempts?.length, 3);
    assert.equal(sleeps.length, 2);
    assert.equal(result.aggregates.errors, 1);
  });

  it("does not retry permanent errors, and without the option records no attempts", async () => {
    const sleeps: number[] = [];
    const asked: string[] = [];
    const bad = () => flakyAgent({ a: [httpError(400)], b: [new TypeError("bug")] }, asked);
    const suite = [
      { task_id: "a", inputs: { input: "a" } },
      { task_id: "b", inputs: { input: "b" } },
    ];
    const retried = await runAgent(suite, options(bad(), { attempts: 5 }, sleeps));
    assert.deepEqual(asked, ["a", "b"]);
    assert.deepEqual(sleeps, []);
    assert.equal(retried.tasks[0]?.attempts?.length, 1);
    asked.length = 0;
    const off = await runAgent(
      suite,
      options(flakyAgent({ a: [httpError(503)] }, asked), undefined, sleeps),
    );
    assert.deepEqual(asked, ["a", "b"]);
    assert.equal(off.tasks[0]?.attempts, undefined);
    assert.doesNotMatch(runResultToJsonText(off), /"attempts"/);
  });

  it("honors retryAfterMs as a floor and caps the exponential window at maxDelayMs", () => {
    const policy = checkRetries(
      { attempts: 9, baseDelayMs: 1000, maxDelayMs: 3000, random: () => 0.999 },
      "t",
    );
    assert.ok(policy);
    assert.equal(retryDelayMs(policy, { retry: 1, error: new Error("x") }), 999);
    assert.equal(retryDelayMs(policy, { retry: 5, error: new Error("x") }), 2997);
    const zero = { ...policy, random: () => 0 };
    assert.equal(retryDelayMs(zero, { retry: 3, error: httpError(429, 7000) }), 7000);
    assert.equal(
      retryDelayMs(zero, { retry: 3, error: new Error("wrapped", { cause: httpError(503, 250) }) }),
      250,
    );
  });

  it("classifies transient errors structurally, on the error or its cause", () => {
    const named = (name: string) => Object.assign(new Error(name), { name });
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const error of [
      httpError(429),
      httpError(500),
      httpError(599),
      named("ModelTimeoutError"),
      named("ModelConnectionError"),
      coded("ECONNRESET"),
      coded("ETIMEDOUT"),
      coded("EPIPE"),
      coded("ECONNREFUSED"),
      new Error("fetch failed", { cause: coded("ECONNRESET") }),
      { retryAfterMs: 10 },
    ]) {
      assert.equal(isTransientError(error), true, String((error as Error).message ?? error));
    }
    for (const error of [
      httpError(400),
      httpError(404),
      new TypeError("x"),
      coded("ENOENT"),
      null,
      "503",
      { status: "503" },
    ]) {
      assert.equal(isTransientError(error), false, String(error));
    }
  });

  it("uses `on` to decide, and a throwing `on` means no retry", async () => {
    const sleeps: number[] = [];
    const asked: string[] = [];
    const agent = flakyAgent(
      { a: [new Error("flaky"), new Error("flaky")], b: [new Error("boom")] },
      asked,
    );
    const suite = [
      { task_id: "a", inputs: { input: "a" } },
      { task_id: "b", inputs: { input: "b" } },
    ];
    const on = (error: unknown) => {
      if ((error as Error).message === "boom") throw new Error("predicate broke");
      return (error as Error).message === "flaky";
    };
    const result = await runAgent(suite, options(agent, { attempts: 3, on }, sleeps));
    assert.deepEqual(asked, ["a", "a", "a", "b"]);
    assert.equal(result.tasks[0]?.trace.exception, null);
    assert.equal(result.tasks[1]?.trace.exception?.message, "boom");
  });

  it("retries each repeat on its own", async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const agent: Agent = {
      name: "odd",
      async ask(input) {
        calls++;
        // the first ask of each repeat fails (calls 1 and 3 with concurrency 1)
        if (calls % 2 === 1) throw httpError(503);
        return input;
      },
    };
    const result = await runAgent([{ task_id: "a", inputs: { input: "a" } }], {
      ...options(agent, { attempts: 2 }, sleeps),
      repeats: 2,
    });
    assert.deepEqual(
      result.tasks.map((t) => [t.task.taskId, t.attempts?.length, t.trace.exception]),
      [
        ["a#1", 2, null],
        ["a#2", 2, null],
      ],
    );
  });

  it("aborting during a backoff rejects at once with the signal's reason", async () => {
    const controller = new AbortController();
    const asked: string[] = [];
    const agent = flakyAgent({ a: [httpError(503), httpError(503)] }, asked);
    const running = runAgent([{ task_id: "a", inputs: { input: "a" } }], {
      ...options(agent, undefined, []),
      signal: controller.signal,
      // the real timer-based sleep, with an hour of backoff
      retries: { attempts: 3, baseDelayMs: 3_600_000, random: () => 1 - Number.EPSILON },
    });
    await settle(20);
    assert.deepEqual(asked, ["a"]);
    controller.abort(new Error("user stopped"));
    await assert.rejects(running, /user stopped/);
    assert.deepEqual(asked, ["a"]);
  });

  it("refuses invalid retry options, naming them", async () => {
    const base = options(flakyAgent({}), undefined, []);
    const suite = [{ task_id: "a", inputs: { input: "a" } }];
    for (const [retries, pattern] of [
      [{ attempts: 0 }, /'retries.attempts' must be an integer >= 1.*got 0/],
      [{ attempts: 1.5 }, /'retries.attempts'.*got 1.5/],
      [{ attempts: 2, baseDelayMs: -1 }, /'retries.baseDelayMs'.*got -1/],
      [{ attempts: 2, on: "yes" }, /'retries.on' must be a function/],
      [-1, /option 'retries' must be a whole number >= 0 \(retries after the first ask\).*got -1/],
      [1.5, /option 'retries' must be a whole number >= 0.*got 1.5/],
      ["3", /option 'retries' must be a whole number >= 0.*got string 3/],
    ] as const) {
      await assert.rejects(runAgent(suite, { ...base, retries: retries as never }), {
        name: "InvalidOptionError",
        message: pattern,
      });
    }
  });
});
