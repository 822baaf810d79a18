import assert from "node:assert/strict";
import { once } from "node:events";
import { test } from "node:test";
import { langChainAgent } from "./lang-chain-agent.js";

// node --test runs each file in its own process, so the router is set up here for the first time
test("a host that keeps LangChain's callbacks in the background is warned, and its setting kept", async () => {
  process.env.LANGCHAIN_CALLBACKS_BACKGROUND = "true";
  const warned = once(process, "warning");
  langChainAgent({ name: "echo", run: async (input) => input });
  const [warning] = (await warned) as [Error & { code?: string }];
  assert.equal(warning.code, "AG2_EVAL_LANGCHAIN_BACKGROUND_CALLBACKS");
  assert.equal(process.env.LANGCHAIN_CALLBACKS_BACKGROUND, "true");
});
