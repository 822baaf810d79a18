import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { eventTracing, RunResult, runAgent } from "@ag2/eval-core";
import { runResultToJsonText } from "@ag2/eval-core/internal";
import { Agent } from "./agent.js";
import { type ChatServer, completion, reply, startChatServer } from "./chat-server.test.helper.js";
import { ModelCache, type ModelCacheMode } from "./model-cache.js";
import { OpenAICompatibleConfig } from "./openai-compatible-config.js";

let chat: ChatServer;
let dir = "";
before(async () => {
  chat = await startChatServer();
});
after(() => chat.close());
beforeEach(async () => {
  chat.reset();
  dir = await mkdtemp(join(tmpdir(), "ag2-model-cache-agent-"));
  let calls = 0;
  chat.handler = (_request, response) => {
    calls += 1;
    const usage = { prompt_tokens: 10, completion_tokens: 3 };
    reply(response, 200, completion({ content: `sample ${calls}` }, { usage }));
  };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const records = [
  { task_id: "a", inputs: { input: "first question" } },
  { task_id: "b", inputs: { input: "second question" } },
];

async function run(
  mode: ModelCacheMode,
  repeats: number,
  how: { via: "config" | "run"; transport?: typeof fetch } = { via: "config" },
) {
  const cache = new ModelCache({ dir, mode });
  const config = new OpenAICompatibleConfig({
    baseURL: chat.baseURL,
    apiKey: "sk-never-stored",
    model: "gpt-test",
    fetch: how.via === "config" ? cache.fetch : how.transport,
  });
  const agent = new Agent({ name: "helper", config });
  const result = await runAgent(records, {
    agent,
    scorers: [],
    store: null,
    tracing: eventTracing(),
    repeats,
    ...(how.via === "run" && { fetch: cache.fetch }),
  });
  const responses = result.tasks.map((task) => task.trace.eventsOf("ModelResponse")[0]);
  return { cache, result, responses };
}

describe("a run through OpenAICompatibleConfig with a model cache", () => {
  it("keeps repeats apart, and a second run calls no model and is marked cached", async () => {
    const first = await run("read-write", 2);
    assert.equal(chat.received.length, 4, "each repeat is its own sample");
    assert.equal(new Set(first.responses.map((response) => response?.content)).size, 4);
    assert.ok(first.responses.every((response) => response?.cached === undefined));
    assert.equal((await readdir(dir)).length, 4);

    const second = await run("replay", 2);
    assert.equal(chat.received.length, 4, "no model request on the second run");
    assert.deepEqual(
      second.responses.map((response) => response?.content),
      first.responses.map((response) => response?.content),
    );
    assert.ok(second.responses.every((response) => response?.cached === true));
    const file = JSON.parse(runResultToJsonText(second.result));
    assert.equal(file.tasks[0].events[0].cached, true, "the run file marks it");
    const reread = RunResult.fromJSON(file).tasks[0]?.trace.eventsOf("ModelResponse")[0];
    assert.equal(reread?.cached, true);
    const stats = second.cache.stats();
    assert.deepEqual(
      [stats.hits, stats.misses, stats.inputTokensSaved, stats.outputTokensSaved],
      [4, 0, 40, 12],
    );
  });

  it("shares a run without repeats with the first repeat of a run with them", async () => {
    await run("read-write", 1);
    const repeated = await run("read-write", 3);
    assert.deepEqual([repeated.cache.stats().hits, repeated.cache.stats().misses], [2, 4]);
  });

  it("uses the run's cache (runAgent's fetch) over the config's own transport", async () => {
    let viaTransport = 0;
    const transport: typeof fetch = (input, init) => {
      viaTransport += 1;
      return fetch(input, init);
    };
    const first = await run("read-write", 2, { via: "run", transport });
    assert.deepEqual([chat.received.length, viaTransport], [4, 4]);
    assert.deepEqual([first.cache.stats().misses, first.cache.stats().hits], [4, 0]);
    const second = await run("replay", 2, { via: "run" });
    assert.equal(chat.received.length, 4);
    assert.ok(second.responses.every((response) => response?.cached === true));
    assert.equal(second.cache.stats().hits, 4);
  });

  it("records a replay miss on its task, naming the request", async () => {
    const { result } = await run("replay", 1);
    assert.equal(chat.received.length, 0);
    const exception = result.tasks[0]?.trace.exception;
    assert.equal(exception?.type, "ModelCacheMissError");
    assert.match(
      String(exception?.message),
      /model gpt-test, sample 1, last message "first question"/,
    );
  });
});
