import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { type ChatServer, completion, reply, startChatServer } from "./chat-server.test.helper.js";
import { ModelCache, type ModelCacheMode } from "./model-cache.js";
import { ModelCacheEntryError, ModelCacheMissError } from "./model-cache-errors.js";

let chat: ChatServer;
let dir = "";
before(async () => {
  chat = await startChatServer();
});
after(() => chat.close());
beforeEach(async () => {
  chat.reset();
  dir = await mkdtemp(join(tmpdir(), "ag2-model-cache-"));
  let calls = 0;
  chat.handler = (_request, response) => {
    calls += 1;
    reply(response, 200, completion({ content: `answer ${calls}` }, { usage: USAGE }));
  };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const USAGE = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 };

const body = (content = "What is 2+2?", extra = {}) =>
  JSON.stringify({ model: "gpt-test", messages: [{ role: "user", content }], ...extra });

const post = (cache: ModelCache, init: { body?: string; headers?: Record<string, string> } = {}) =>
  cache.fetch(`${chat.baseURL}chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body ?? body(),
  });

const contentOf = async (response: Response) =>
  ((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message
    .content;

const cacheIn = (mode: ModelCacheMode) => new ModelCache({ dir, mode });

describe("ModelCache read-write", () => {
  it("answers a repeated request from its file without calling the model", async () => {
    const cache = cacheIn("read-write");
    const first = await post(cache);
    assert.equal(first.headers.get("x-ag2-eval-cache"), "miss");
    assert.equal(await contentOf(first), "answer 1");
    const second = await post(new ModelCache({ dir }));
    assert.equal(second.headers.get("x-ag2-eval-cache"), "hit");
    assert.equal(await contentOf(second), "answer 1");
    assert.equal(second.headers.get("content-type"), "application/json");
    assert.equal(chat.received.length, 1);
    assert.deepEqual(
      { hits: cache.stats().hits, misses: cache.stats().misses },
      { hits: 0, misses: 1 },
    );
  });

  it("counts hits, misses and the tokens hits saved, per model", async () => {
    const cache = cacheIn("read-write");
    await post(cache);
    await post(cache);
    await post(cache);
    await post(cache, { body: body("other") });
    const stats = cache.stats();
    assert.equal(stats.hits, 2);
    assert.equal(stats.misses, 2);
    assert.equal(stats.inputTokensSaved, 24);
    assert.equal(stats.outputTokensSaved, 10);
    assert.deepEqual(stats.savedByModel, {
      "gpt-test": { hits: 2, inputTokens: 24, outputTokens: 10 },
    });
  });

  it("keys by body (not its key order) and by sample; repeats stay independent", async () => {
    const cache = cacheIn("read-write");
    await post(cache, { body: body("q", { temperature: 0.2 }) });
    const reordered = JSON.stringify({
      temperature: 0.2,
      messages: [{ content: "q", role: "user" }],
      model: "gpt-test",
    });
    assert.equal(await contentOf(await post(cache, { body: reordered })), "answer 1");
    const sample2 = await post(cache, { body: reordered, headers: { "x-ag2-eval-sample": "2" } });
    assert.equal(await contentOf(sample2), "answer 2");
    assert.equal(
      await contentOf(await post(cache, { body: body("q", { temperature: 0.3 }) })),
      "answer 3",
    );
    assert.equal(
      await contentOf(await post(cache, { body: body("q", { model: "other", temperature: 0.2 }) })),
      "answer 4",
    );
    assert.equal(chat.received.length, 4);
    assert.equal(
      chat.received[1]?.headers["x-ag2-eval-sample"],
      undefined,
      "the header never leaves",
    );
    assert.equal((await readdir(dir)).length, 4);
  });

  it("treats a Request object like the same URL and init", async () => {
    const cache = cacheIn("read-write");
    await post(cache);
    const request = new Request(`${chat.baseURL}chat/completions`, {
      method: "POST",
      body: body(),
    });
    const answer = await cache.fetch(request);
    assert.equal(answer.headers.get("x-ag2-eval-cache"), "hit");
    assert.equal(await contentOf(answer), "answer 1");
  });

  it("writes readable JSON: the request and the answer", async () => {
    await post(cacheIn("read-write"));
    const [name = ""] = await readdir(dir);
    assert.match(name, /^[0-9a-f]{64}\.json$/);
    const entry = JSON.parse(await readFile(join(dir, name), "utf8"));
    assert.equal(entry.request.method, "POST");
    assert.equal(entry.request.url, `${chat.baseURL}chat/completions`);
    assert.equal(entry.request.sample, 1);
    assert.deepEqual(entry.request.body.messages, [{ role: "user", content: "What is 2+2?" }]);
    assert.equal(entry.response.status, 200);
    assert.equal(entry.response.json.choices[0].message.content, "answer 1");
  });

  it("makes concurrent identical requests once", async () => {
    const held: (() => void)[] = [];
    chat.handler = (_request, response) =>
      held.push(() => reply(response, 200, completion({ content: "once" }, { usage: USAGE })));
    const cache = cacheIn("read-write");
    const pending = Array.from({ length: 5 }, () => post(cache));
    while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const release of held) release();
    const answers = await Promise.all(pending.map(async (p) => contentOf(await p)));
    assert.deepEqual(answers, ["once", "once", "once", "once", "once"]);
    assert.equal(chat.received.length, 1);
    assert.deepEqual([cache.stats().misses, cache.stats().hits], [1, 4]);
  });
});

describe("ModelCache never keeps failures", () => {
  for (const status of [429, 500, 503]) {
    it(`passes HTTP ${status} on (with retry-after) and calls again next time`, async () => {
      let calls = 0;
      chat.handler = (_request, response) => {
        calls += 1;
        if (calls === 1) reply(response, status, '{"error":"busy"}', { "retry-after": "3" });
        else reply(response, 200, completion({ content: "recovered" }));
      };
      const cache = cacheIn("read-write");
      const failed = await post(cache);
      assert.equal(failed.status, status);
      assert.equal(failed.headers.get("retry-after"), "3");
      assert.equal(await failed.text(), '{"error":"busy"}');
      assert.deepEqual(await readdir(dir).catch(() => []), []);
      assert.equal(await contentOf(await post(cache)), "recovered");
      assert.equal(chat.received.length, 2);
    });
  }

  it("passes a network error on and stores nothing", async () => {
    const cache = new ModelCache({
      dir,
      fetch: async () => {
        throw new TypeError("fetch failed: ECONNREFUSED");
      },
    });
    await assert.rejects(post(cache), /ECONNREFUSED/);
    assert.deepEqual(await readdir(dir).catch(() => []), []);
    assert.deepEqual([cache.stats().hits, cache.stats().misses], [0, 1]);
  });
});

describe("ModelCache modes", () => {
  it("replay: a hit answers, a miss names the request and the file, nothing is called", async () => {
    await post(cacheIn("read-write"));
    const replay = cacheIn("replay");
    assert.equal(await contentOf(await post(replay)), "answer 1");
    await assert.rejects(
      post(replay, {
        body: body("a question never recorded"),
        headers: { "x-ag2-eval-sample": "3" },
      }),
      (error: unknown) => {
        assert.ok(ModelCacheMissError.isInstance(error));
        assert.match(
          error.message,
          /^model cache \(replay\): no entry for POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(model gpt-test, sample 3, last message "a question never recorded"\); expected the file .*[0-9a-f]{64}\.json/,
        );
        assert.ok(error.file.startsWith(dir));
        return true;
      },
    );
    assert.equal(chat.received.length, 1);
  });

  it("record: always calls and overwrites", async () => {
    await post(cacheIn("read-write"));
    const record = cacheIn("record");
    assert.equal(await contentOf(await post(record)), "answer 2");
    assert.equal(await contentOf(await post(cacheIn("replay"))), "answer 2");
    assert.equal(chat.received.length, 2);
  });

  it("off: calls every time, writes nothing, still strips the sample header", async () => {
    const off = cacheIn("off");
    await post(off, { headers: { "x-ag2-eval-sample": "2" } });
    await post(off);
    assert.equal(chat.received.length, 2);
    assert.equal(chat.received[0]?.headers["x-ag2-eval-sample"], undefined);
    assert.deepEqual(await readdir(dir), []);
    assert.deepEqual([off.stats().hits, off.stats().misses], [0, 0]);
  });
});

describe("ModelCache bad input", () => {
  const corrupt = async (text: (key: string) => string) => {
    await post(cacheIn("read-write"));
    const [name = ""] = await readdir(dir);
    const file = join(dir, name);
    await writeFile(file, text(name.slice(0, -5)));
    return file;
  };

  for (const [what, text, problem] of [
    ["half a file", () => '{"ag2_eval_model_cache": 1, "key": ', /: not JSON \(/],
    [
      "another key",
      () => '{"ag2_eval_model_cache": 1, "key": "abc"}',
      /: key: expected "[0-9a-f]{64}", got "abc"$/,
    ],
    [
      "a stored 500",
      (key: string) =>
        JSON.stringify({ ag2_eval_model_cache: 1, key, response: { status: 500, text: "" } }),
      /: response\.status: expected a 2xx status, got 500$/,
    ],
  ] as const) {
    it(`a corrupt entry (${what}) is a miss in read-write and an error naming it in replay`, async () => {
      const file = await corrupt(text);
      await assert.rejects(post(cacheIn("replay")), (error: unknown) => {
        assert.ok(ModelCacheEntryError.isInstance(error));
        assert.equal(error.file, file);
        assert.ok(error.message.startsWith(`model cache entry ${file}: `), error.message);
        assert.match(error.message, problem);
        return true;
      });
      const cache = cacheIn("read-write");
      assert.equal(await contentOf(await post(cache)), "answer 2");
      assert.deepEqual(cache.stats().corruptEntries, [file]);
      assert.equal(await contentOf(await post(cacheIn("replay"))), "answer 2", "rewritten");
    });
  }

  it("refuses an unknown mode, an empty folder and a bad sample header", async () => {
    assert.throws(
      () => new ModelCache({ dir, mode: "readwrite" as ModelCacheMode }),
      /^ModelCacheOptionsError: model cache: mode: expected one of off, read-write, replay, record; got "readwrite"$/,
    );
    assert.throws(() => new ModelCache({ dir: "" }), /dir: expected a folder path; got ""/);
    await assert.rejects(
      post(cacheIn("read-write"), { headers: { "x-ag2-eval-sample": "0" } }),
      /header x-ag2-eval-sample: expected a positive integer; got "0"/,
    );
  });
});

describe("ModelCache keeps secrets out", () => {
  it("leaves authorization, API-key headers, URL keys and body keys out of keys and files", async () => {
    const secrets = ["sk-live-SECRET1", "azure-SECRET2", "gemini-SECRET3", "gateway-SECRET4"];
    const cache = cacheIn("read-write");
    const send = (index: number) =>
      cache.fetch(`${chat.baseURL}chat/completions?key=${secrets[2]}${index}&api-version=2024`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${secrets[0]}${index}`,
          "api-key": `${secrets[1]}${index}`,
          "x-api-key": `${secrets[1]}${index}`,
        },
        body: body("q", { api_key: `${secrets[3]}${index}` }),
      });
    await send(1);
    const again = await send(2);
    assert.equal(again.headers.get("x-ag2-eval-cache"), "hit", "a rotated key keeps the entry");
    assert.equal(
      chat.received[0]?.headers.authorization,
      `Bearer ${secrets[0]}1`,
      "the model still gets it",
    );
    const names = await readdir(dir);
    assert.equal(names.length, 1);
    const text = await readFile(join(dir, names[0] ?? ""), "utf8");
    for (const secret of [...secrets, "SECRET"])
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    assert.match(text, /api-version=2024/, "other parameters stay");
  });
});

describe("ModelCache streamed answers", () => {
  it("stores a server-sent event stream as text, replays it and counts its usage", async () => {
    const events = [
      { choices: [{ delta: { content: "Hel" } }] },
      { choices: [{ delta: { content: "lo" } }] },
      { choices: [], usage: { prompt_tokens: 9, completion_tokens: 2 } },
    ];
    const stream = `${events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("")}data: [DONE]\n\n`;
    chat.handler = (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(stream);
    };
    await post(cacheIn("read-write"), { body: body("hi", { stream: true }) });
    const replay = cacheIn("replay");
    const replayed = await post(replay, { body: body("hi", { stream: true }) });
    assert.equal(replayed.headers.get("content-type"), "text/event-stream");
    assert.equal(await replayed.text(), stream);
    assert.deepEqual([replay.stats().inputTokensSaved, replay.stats().outputTokensSaved], [9, 2]);
  });
});
