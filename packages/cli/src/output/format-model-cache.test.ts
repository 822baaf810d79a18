import assert from "node:assert/strict";
import { test } from "node:test";
import { formatModelCacheLine, type ModelCacheReport } from "./format-model-cache.js";

const report = (saved: number): ModelCacheReport => ({
  mode: "read-write",
  dir: "/p/.ag2-eval/runs/cache",
  hits: 1,
  misses: 2,
  input_tokens_saved: saved,
  output_tokens_saved: 0,
  usd_saved: 0.0124,
  unpriced_models: [],
  corrupt_entries: [],
});

test("formatModelCacheLine groups the tokens saved by thousands", () => {
  assert.equal(
    formatModelCacheLine(report(41_200)),
    "model cache (read-write): 1 hit, 2 misses; 41,200 tokens saved ($0.0124)",
  );
  assert.match(formatModelCacheLine(report(1_234_567)), /; 1,234,567 tokens saved/);
  assert.match(formatModelCacheLine(report(999)), /; 999 tokens saved/);
  assert.match(formatModelCacheLine(report(0)), /; 0 tokens saved/);
});
