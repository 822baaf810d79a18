import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ModelCache, type ModelCacheMode } from "./model-cache.js";
import { cacheFixture } from "./model-cache.test-helper.js";
import { ModelCacheEntryError } from "./model-cache-errors.js";

const f = cacheFixture();

describe("ModelCache bad input", () => {
  const corrupt = async (text: (key: string) => string) => {
    await f.post(f.cacheIn("read-write"));
    const [name = ""] = await readdir(f.dir);
    const file = join(f.dir, name);
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
      await assert.rejects(f.post(f.cacheIn("replay")), (error: unknown) => {
        assert.ok(ModelCacheEntryError.isInstance(error));
        assert.equal(error.file, file);
        assert.ok(error.message.startsWith(`model cache entry ${file}: `), error.message);
        assert.match(error.message, problem);
        return true;
      });
      const cache = f.cacheIn("read-write");
      assert.equal(await f.contentOf(await f.post(cache)), "answer 2");
      assert.deepEqual(cache.stats().corruptEntries, [file]);
      assert.equal(await f.contentOf(await f.post(f.cacheIn("replay"))), "answer 2", "rewritten");
    });
  }

  it("refuses an unknown mode, an empty folder and a bad sample header", async () => {
    assert.throws(
      () => new ModelCache({ dir: f.dir, mode: "readwrite" as ModelCacheMode }),
      /^ModelCacheOptionsError: model cache: mode: expected one of off, read-write, replay, record; got "readwrite"$/,
    );
    assert.throws(() => new ModelCache({ dir: "" }), /dir: expected a folder path; got ""/);
    await assert.rejects(
      f.post(f.cacheIn("read-write"), { headers: { "x-ag2-eval-sample": "0" } }),
      /header x-ag2-eval-sample: expected a positive integer; got "0"/,
    );
  });
});

describe("ModelCache keeps secrets out", () => {
  it("leaves authorization, API-key headers, URL keys and body keys out of keys and files", async () => {
    const secrets = ["sk-live-SECRET1", "azure-SECRET2", "gemini-SECRET3", "gateway-SECRET4"];
    const cache = f.cacheIn("read-write");
    const send = (index: number) =>
      cache.fetch(`${f.chat.baseURL}chat/completions?key=${secrets[2]}${index}&api-version=2024`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${secrets[0]}${index}`,
          "api-key": `${secrets[1]}${index}`,
          "x-api-key": `${secrets[1]}${index}`,
        },
        body: f.body("q", { api_key: `${secrets[3]}${index}` }),
      });
    await send(1);
    const again = await send(2);
    assert.equal(again.headers.get("x-ag2-eval-cache"), "hit", "a rotated key keeps the entry");
    assert.equal(
      f.chat.received[0]?.headers.authorization,
      `Bearer ${secrets[0]}1`,
      "the model still gets it",
    );
    const names = await readdir(f.dir);
    assert.equal(names.length, 1);
    const text = await readFile(join(f.dir, names[0] ?? ""), "utf8");
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
    f.chat.handler = (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(stream);
    };
    await f.post(f.cacheIn("read-write"), { body: f.body("hi", { stream: true }) });
    const replay = f.cacheIn("replay");
    const replayed = await f.post(replay, { body: f.body("hi", { stream: true }) });
    assert.equal(replayed.headers.get("content-type"), "text/event-stream");
    assert.equal(await replayed.text(), stream);
    assert.deepEqual([replay.stats().inputTokensSaved, replay.stats().outputTokensSaved], [9, 2]);
  });
});
