import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { completion, reply } from "./chat-server.test.helper.js";
import { ModelCache } from "./model-cache.js";
import { cacheFixture, USAGE } from "./model-cache.test-helper.js";
import { ModelCacheMissError } from "./model-cache-errors.js";

const f = cacheFixture();

describe("ModelCache read-write", () => {
  it("answers a repeated request from its file without calling the model", async () => {
    const cache = f.cacheIn("read-write");
    const first = await f.post(cache);
    assert.equal(first.headers.get("x-ag2-eval-cache"), "miss");
    assert.equal(await f.contentOf(first), "answer 1");
    const second = await f.post(new ModelCache({ dir: f.dir }));
    assert.equal(second.headers.get("x-ag2-eval-cache"), "hit");
    assert.equal(await f.contentOf(second), "answer 1");
    assert.equal(second.headers.get("content-type"), "application/json");
    assert.equal(f.chat.received.length, 1);
    assert.deepEqual(
      { hits: cache.stats().hits, misses: cache.stats().misses },
      { hits: 0, misses: 1 },
    );
  });

  it("counts hits, misses and the tokens hits saved, per model", async () => {
    const cache = f.cacheIn("read-write");
    await f.post(cache);
    await f.post(cache);
    await f.post(cache);
    await f.post(cache, { body: f.body("other") });
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
    const cache = f.cacheIn("read-write");
    await f.post(cache, { body: f.body("q", { temperature: 0.2 }) });
    const reordered = JSON.stringify({
      temperature: 0.2,
      messages: [{ content: "q", role: "user" }],
      model: "gpt-test",
    });
    assert.equal(await f.contentOf(await f.post(cache, { body: reordered })), "answer 1");
    const sample2 = await f.post(cache, { body: reordered, headers: { "x-ag2-eval-sample": "2" } });
    assert.equal(await f.contentOf(sample2), "answer 2");
    assert.equal(
      await f.contentOf(await f.post(cache, { body: f.body("q", { temperature: 0.3 }) })),
      "answer 3",
    );
    assert.equal(
      await f.contentOf(
        await f.post(cache, { body: f.body("q", { model: "other", temperature: 0.2 }) }),
      ),
      "answer 4",
    );
    assert.equal(f.chat.received.length, 4);
    assert.equal(
      f.chat.received[1]?.headers["x-ag2-eval-sample"],
      undefined,
      "the header never leaves",
    );
    assert.equal((await readdir(f.dir)).length, 4);
  });

  it("treats a Request object like the same URL and init", async () => {
    const cache = f.cacheIn("read-write");
    await f.post(cache);
    const request = new Request(`${f.chat.baseURL}chat/completions`, {
      method: "POST",
      body: f.body(),
    });
    const answer = await cache.fetch(request);
    assert.equal(answer.headers.get("x-ag2-eval-cache"), "hit");
    assert.equal(await f.contentOf(answer), "answer 1");
  });

  it("writes readable JSON: the request and the answer", async () => {
    await f.post(f.cacheIn("read-write"));
    const [name = ""] = await readdir(f.dir);
    assert.match(name, /^[0-9a-f]{64}\.json$/);
    const entry = JSON.parse(await readFile(join(f.dir, name), "utf8"));
    assert.equal(entry.request.method, "POST");
    assert.equal(entry.request.url, `${f.chat.baseURL}chat/completions`);
    assert.equal(entry.request.sample, 1);
    assert.deepEqual(entry.request.body.messages, [{ role: "user", content: "What is 2+2?" }]);
    assert.equal(entry.response.status, 200);
    assert.equal(entry.response.json.choices[0].message.content, "answer 1");
  });

  it("makes concurrent identical requests once", async () => {
    const held: (() => void)[] = [];
    f.chat.handler = (_request, response) =>
      held.push(() => reply(response, 200, completion({ content: "once" }, { usage: USAGE })));
    const cache = f.cacheIn("read-write");
    const pending = Array.from({ length: 5 }, () => f.post(cache));
    while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const release of held) release();
    const answers = await Promise.all(pending.map(async (p) => f.contentOf(await p)));
    assert.deepEqual(answers, ["once", "once", "once", "once", "once"]);
    assert.equal(f.chat.received.length, 1);
    assert.deepEqual([cache.stats().misses, cache.stats().hits], [1, 4]);
  });
});

describe("ModelCache never keeps failures", () => {
  for (const status of [429, 500, 503]) {
    it(`passes HTTP ${status} on (with retry-after) and calls again next time`, async () => {
      let calls = 0;
      f.chat.handler = (_request, response) => {
        calls += 1;
        if (calls === 1) reply(response, status, '{"error":"busy"}', { "retry-after": "3" });
        else reply(response, 200, completion({ content: "recovered" }));
      };
      const cache = f.cacheIn("read-write");
      const failed = await f.post(cache);
      assert.equal(failed.status, status);
      assert.equal(failed.headers.get("retry-after"), "3");
      assert.equal(await failed.text(), '{"error":"busy"}');
      assert.deepEqual(await readdir(f.dir).catch(() => []), []);
      assert.equal(await f.contentOf(await f.post(cache)), "recovered");
      assert.equal(f.chat.received.length, 2);
    });
  }

  it("passes a network error on and stores nothing", async () => {
    const cache = new ModelCache({
      dir: f.dir,
      fetch: async () => {
        throw new TypeError("fetch failed: ECONNREFUSED");
      },
    });
    await assert.rejects(f.post(cache), /ECONNREFUSED/);
    assert.deepEqual(await readdir(f.dir).catch(() => []), []);
    assert.deepEqual([cache.stats().hits, cache.stats().misses], [0, 1]);
  });
});

describe("ModelCache modes", () => {
  it("replay: a hit answers, a miss names the request and the file, nothing is called", async () => {
    await f.post(f.cacheIn("read-write"));
    const replay = f.cacheIn("replay");
    assert.equal(await f.contentOf(await f.post(replay)), "answer 1");
    await assert.rejects(
      f.post(replay, {
        body: f.body("a question never recorded"),
        headers: { "x-ag2-eval-sample": "3" },
      }),
      (error: unknown) => {
        assert.ok(ModelCacheMissError.isInstance(error));
        assert.match(
          error.message,
          /^model cache \(replay\): no entry for POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(model gpt-test, sample 3, last message "a question never recorded"\); expected the file .*[0-9a-f]{64}\.json/,
        );
        assert.ok(error.file.startsWith(f.dir));
        return true;
      },
    );
    assert.equal(f.chat.received.length, 1);
  });

  it("record: always calls and overwrites", async () => {
    await f.post(f.cacheIn("read-write"));
    const record = f.cacheIn("record");
    assert.equal(await f.contentOf(await f.post(record)), "answer 2");
    assert.equal(await f.contentOf(await f.post(f.cacheIn("replay"))), "answer 2");
    assert.equal(f.chat.received.length, 2);
  });

  it("off: calls every time, writes nothing, still strips the sample header", async () => {
    const off = f.cacheIn("off");
    await f.post(off, { headers: { "x-ag2-eval-sample": "2" } });
    await f.post(off);
    assert.equal(f.chat.received.length, 2);
    assert.equal(f.chat.received[0]?.headers["x-ag2-eval-sample"], undefined);
    assert.deepEqual(await readdir(f.dir), []);
    assert.deepEqual([off.stats().hits, off.stats().misses], [0, 0]);
  });
});
