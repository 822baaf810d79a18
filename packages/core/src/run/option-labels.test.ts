import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agent, AgentFactory } from "../agent/agent.js";
import { eventTracing } from "../agent/event-tracing.js";
import type { PairwiseComparator } from "../pairwise/pairwise-types.js";
import { runPairwise } from "../pairwise/run-pairwise.js";
import type { JournalHeader } from "../run-result/run-store.js";
import { InMemoryRunStore } from "../testing/in-memory-run-store.js";
import { runAgent } from "./run-agent.js";
import { answered } from "./run-agent.test-helper.js";

const suite = [{ task_id: "a", inputs: { input: "a" } }];
const base = { scorers: [answered], store: null, tracing: eventTracing() };
const hangs: Agent = { name: "hangs", ask: () => new Promise(() => undefined) };

describe("what runAgent records for a caller with its own vocabulary", () => {
  it("a timeout names the option by default and the caller's label when given one", async () => {
    const api = await runAgent(suite, { ...base, agent: hangs, taskTimeoutMs: 20 });
    assert.equal(
      api.tasks[0]?.trace.exception?.message,
      "task 'a' timed out after 20 ms (option taskTimeoutMs)",
    );
    const cli = await runAgent(suite, {
      ...base,
      agent: hangs,
      taskTimeoutMs: 20,
      optionLabels: { taskTimeoutMs: "--timeout" },
    });
    assert.equal(
      cli.tasks[0]?.trace.exception?.message,
      "task 'a' timed out after 20 ms (--timeout)",
    );
    await assert.rejects(
      runAgent(suite, { ...base, agent: hangs, optionLabels: { taskTimeoutMs: 3 as never } }),
      /optionLabels.taskTimeoutMs must be a non-empty string; got number/,
    );
  });

  it("keeps the caller's invocation in the journal's header, and refuses one that is not an object", async () => {
    const invocation = { command: "run", suite: "/evals/s.jsonl", flags: { repeats: "1" } };
    const journaled: unknown[] = [];
    class Watching extends InMemoryRunStore {
      override openJournal(header: JournalHeader) {
        journaled.push(header.invocation);
        return super.openJournal(header);
      }
    }
    const watching = new Watching();
    await runAgent(suite, {
      ...base,
      store: watching,
      agent: { name: "ok", ask: async (input) => input },
      invocation,
    });
    assert.deepEqual(journaled, [invocation]);
    await assert.rejects(
      runAgent(suite, { ...base, agent: hangs, invocation: ["run"] as never }),
      /option 'invocation' must be an object of JSON data; got an array/,
    );
  });

  it("a resume given an invocation records it in the journal; one given none keeps the journal's", async () => {
    const store = new InMemoryRunStore();
    const two = [...suite, { task_id: "b", inputs: { input: "b" } }];
    const first = { command: "run", suite: "/s.jsonl", flags: { concurrency: "1" } };
    const given = { command: "run", suite: "/s.jsonl", flags: { concurrency: "3" } };
    // task b hangs until its run is cancelled, so the run is left with a journal
    const stopOnB = (controller: AbortController): Agent => ({
      name: "ok",
      ask: async (input, options) => {
        if (input !== "b") return input;
        controller.abort(new Error("stop"));
        throw options?.signal?.reason ?? new Error("stop");
      },
    });
    const cancelled = async (options: { resume?: string; invocation?: typeof first }) => {
      const controller = new AbortController();
      await runAgent(two, {
        ...base,
        store,
        concurrency: 1,
        agent: stopOnB(controller),
        signal: controller.signal,
        ...(options.resume === undefined ? { runId: "r" } : { resume: options.resume }),
        ...(options.invocation && { invocation: options.invocation }),
      }).catch(() => undefined);
      return (await store.readJournal("r"))?.header.invocation;
    };
    assert.deepEqual(await cancelled({ invocation: first }), first);
    assert.deepEqual(await cancelled({ resume: "r", invocation: given }), given);
    assert.deepEqual(await cancelled({ resume: "r" }), given);
  });

  it("a factory that returns a non-agent (a function of the input) fails its task naming the forms", async () => {
    const answer = (async (input: unknown) =>
      `answer to ${String(input)}`) as unknown as AgentFactory;
    const result = await runAgent(suite, { ...base, agent: answer });
    assert.equal(result.tasks[0]?.trace.exception?.type, "InvalidOptionError");
    assert.match(
      result.tasks[0]?.trace.exception?.message ?? "",
      /^the agent factory returned a string, not an Agent \(an object with ask\(\)\); a function of the input, \(input\) => answer, is not a factory/,
    );
  });
});

describe("runPairwise retries", () => {
  it("asks again after a transient failure and compares the last answer; the number counts retries", async () => {
    const asked: string[] = [];
    const busyOnce: Agent = {
      name: "b",
      async ask(input) {
        asked.push(input);
        if (asked.length === 1) throw Object.assign(new Error("busy"), { status: 503 });
        return `b:${input}`;
      },
    };
    const seen: unknown[] = [];
    const judge: PairwiseComparator = {
      key: "j",
      compare: ({ traceB }) => {
        seen.push(traceB.exception?.message ?? "answered");
        return { winner: "tie" };
      },
    };
    const options = {
      variantA: { name: "a", ask: async (input: string) => `a:${input}` },
      variantB: busyOnce,
      comparators: [judge],
      tracing: eventTracing(),
      store: null,
    };
    await runPairwise(suite, { ...options, retries: { attempts: 2, baseDelayMs: 0 } });
    assert.deepEqual(asked, ["a", "a"]);
    assert.deepEqual(seen, ["answered"]);
    asked.length = 0;
    seen.length = 0;
    await runPairwise(suite, { ...options, retries: 0 });
    assert.deepEqual(asked, ["a"]);
    assert.deepEqual(seen, ["busy"]);
  });
});
