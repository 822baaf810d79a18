import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach } from "node:test";
import { type ChatServer, completion, reply, startChatServer } from "./chat-server.test.helper.js";
import { ModelCache, type ModelCacheMode } from "./model-cache.js";

/** Test helper: a chat server answering `answer <n>` (n counts calls) and a fresh cache folder per test. */
export interface CacheFixture {
  readonly chat: ChatServer;
  readonly dir: string;
  /** A chat-completions body asking `content`, with extra top-level fields. */
  body(content?: string, extra?: Record<string, unknown>): string;
  /** POSTs `body()` (or the given body) to the server's chat completions through `cache`. */
  post(
    cache: ModelCache,
    init?: { body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** The first choice's content of a chat completion response. */
  contentOf(response: Response): Promise<string | undefined>;
  cacheIn(mode: ModelCacheMode): ModelCache;
}

export const USAGE = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 };

/** Registers the suite's hooks and returns the fixture they keep up to date. */
export function cacheFixture(): CacheFixture {
  let chat: ChatServer | undefined;
  let dir = "";
  before(async () => {
    chat = await startChatServer();
  });
  after(() => chat?.close());
  beforeEach(async () => {
    chat?.reset();
    dir = await mkdtemp(join(tmpdir(), "ag2-model-cache-"));
    let calls = 0;
    if (chat) {
      chat.handler = (_request, response) => {
        calls += 1;
        reply(response, 200, completion({ content: `answer ${calls}` }, { usage: USAGE }));
      };
    }
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const server = (): ChatServer => {
    if (!chat) throw new Error("the chat server is not started yet");
    return chat;
  };
  const body = (content = "What is 2+2?", extra: Record<string, unknown> = {}) =>
    JSON.stringify({ model: "gpt-test", messages: [{ role: "user", content }], ...extra });
  return {
    get chat() {
      return server();
    },
    get dir() {
      return dir;
    },
    body,
    post: (cache, init = {}) =>
      cache.fetch(`${server().baseURL}chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", ...init.headers },
        body: init.body ?? body(),
      }),
    contentOf: async (response) =>
      ((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]
        ?.message.content,
    cacheIn: (mode) => new ModelCache({ dir, mode }),
  };
}
