import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { closestName } from "./closest-name.js";

describe("closestName", () => {
  const known = ["storeDir", "taskTimeoutMs", "concurrency", "runId", "retries"];
  it("ignores case, finds a name inside a longer one, and tolerates typos", () => {
    assert.equal(closestName("storedir", known), "storeDir");
    assert.equal(closestName("timeout", known), "taskTimeoutMs");
    assert.equal(closestName("concurency", known), "concurrency");
    assert.equal(closestName("run_id", known), "runId");
  });
  it("suggests nothing for a name far from all of them", () => {
    assert.equal(closestName("xyzzy", known), null);
    assert.equal(closestName("id", known), null);
  });
});
