import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// The reference agent on an OpenAI-compatible endpoint (the loopback server below), its key
// from the environment as a user would keep it.
const MODEL_AGENT_MJS = `
import { Agent, OpenAICompatibleConfig } from "@ag2/eval";
export default new Agent({
  name: "shouter",
  config: new OpenAICompatibleConfig({
    baseURL: process.env.MODEL_URL,
    apiKey: process.env.MODEL_KEY,
    model: "gpt-4o-mini",
  }),
});
`;

const KEY = "sk-test-DO-NOT-STORE-4242";
let requests = 0;
const server = createServer((request, response) => {
  let text = "";
  request.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  request.on("end", () => {
    requests += 1;
    const { messages } = JSON.parse(text) as { messages: { content: string }[] };
    const content = String(messages.at(-1)?.content).toUpperCase();
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        model: "gpt-4o-mini",
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1000, completion_tokens: 500 },
      }),
    );
  });
});
let env: Record<string, string> = {};
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  env = { MODEL_URL: `http://127.0.0.1:${port}/v1`, MODEL_KEY: KEY };
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const RUN = ["run", "suite.jsonl", "--agent", "./model-agent.mjs", "--scorers", "./scorers.mjs"];

describe("ag2-eval run --cache", () => {
  test("read-write fills <store>/cache; replay answers from it, calls no model, reports what it saved", async () => {
    const cwd = await tempProject({ "model-agent.mjs": MODEL_AGENT_MJS });
    const before = requests;
    const first = await runCli([...RUN, "--cache", "read-write"], { cwd, env });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(requests - before, 3);
    assert.match(
      first.stdout,
      /^model cache \(read-write\): 0 hits, 3 misses; 0 tokens saved \(\$0\)$/m,
    );

    const replay = await runCli([...RUN, "--cache", "replay", "--json"], { cwd, env });
    assert.equal(replay.code, 0, replay.stderr);
    assert.equal(requests - before, 3, "no model request on replay");
    const document = JSON.parse(replay.stdout);
    // gpt-4o-mini: 3 × (1000 input at $0.15/M + 500 output at $0.60/M) = $0.00135
    assert.deepEqual(
      { ...document.run.model_cache, dir: undefined },
      {
        mode: "replay",
        dir: undefined,
        hits: 3,
        misses: 0,
        input_tokens_saved: 3000,
        output_tokens_saved: 1500,
        usd_saved: document.run.model_cache.usd_saved,
        unpriced_models: [],
        corrupt_entries: [],
      },
    );
    assert.ok(
      Math.abs(document.run.model_cache.usd_saved - 0.00135) < 1e-9,
      document.run.model_cache.usd_saved,
    );
    assert.equal(document.run.model_cache.dir, join(cwd, ".ag2-eval/runs/cache"));
    const events = document.run.tasks.map(
      (task: { events: { cached?: boolean }[] }) => task.events[0],
    );
    assert.deepEqual(
      events.map((event: { cached?: boolean }) => event.cached),
      [true, true, true],
    );

    const files = await readdir(join(cwd, ".ag2-eval/runs/cache"));
    assert.equal(files.length, 3);
    for (const file of files) {
      const text = await readFile(join(cwd, ".ag2-eval/runs/cache", file), "utf8");
      assert.ok(!text.includes(KEY) && !text.includes("DO-NOT-STORE"), `the API key is in ${file}`);
    }
  });

  test("replay with an empty cache fails each task naming the request, without calling the model", async () => {
    const cwd = await tempProject({ "model-agent.mjs": MODEL_AGENT_MJS });
    const before = requests;
    const replay = await runCli([...RUN, "--cache", "replay", "--run-id", "r1"], { cwd, env });
    assert.equal(requests, before);
    assert.match(replay.stdout, /^model cache \(replay\): 0 hits, 0 misses/m);
    const run = JSON.parse(await readFile(join(cwd, ".ag2-eval/runs/r1.json"), "utf8"));
    assert.equal(run.model_cache.mode, "replay", "the run file records the cache");
    assert.equal(run.model_cache.misses, 0);
    const exception = run.tasks[0].exception;
    assert.equal(exception.type, "ModelCacheMissError");
    assert.match(exception.message, /model gpt-4o-mini, sample 1, last message "hello"/);
  });

  test("a bad mode is a usage error, from the flag or the config", async () => {
    const plain = await tempProject({ "model-agent.mjs": MODEL_AGENT_MJS });
    const flag = await runCli([...RUN, "--cache", "bogus"], { cwd: plain, env });
    assert.equal(flag.code, 2);
    assert.match(
      flag.stderr,
      /--cache: got "bogus", expected one of off, read-write, replay, record/,
    );
    const cwd = await tempProject({
      "model-agent.mjs": MODEL_AGENT_MJS,
      "ag2-eval.config.mjs": 'export default { cache: "sometimes" };\n',
    });
    const config = await runCli(RUN, { cwd, env });
    assert.equal(config.code, 2);
    assert.match(
      config.stderr,
      /cache.*got "sometimes".*expected one of off, read-write, replay, record/,
    );
  });
});
