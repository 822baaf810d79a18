import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventTracing } from "../agent/event-tracing.js";
import { runResultToJSON } from "../run-file/write-run-file.js";
import { runResultFromJSON } from "../run-result/parse-run-file.js";
import { runAgent } from "./run-agent.js";

describe("runAgent's runFileFields: a run file's extra fields", () => {
  it("are written after the standard keys, read back, and never replace one", async () => {
    const result = await runAgent([{ task_id: "t", inputs: { input: "hi" } }], {
      agent: { name: "echo", ask: async (input) => input },
      scorers: [],
      store: null,
      tracing: eventTracing(),
      runFileFields: () => ({ model_cache: { hits: 3, misses: 1 }, run_id: "not-this" }),
    });
    const json = runResultToJSON(result) as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(json).slice(-1), ["model_cache"]);
    assert.equal(json.run_id, result.runId);
    const back = runResultFromJSON(JSON.parse(JSON.stringify(json)));
    assert.deepEqual(back.extraFields, { model_cache: { hits: 3, misses: 1 } });
    assert.deepEqual(
      runResultToJSON(back),
      runResultToJSON(result),
      "a read run file writes out the same",
    );
  });
});
