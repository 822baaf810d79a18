import assert from "node:assert/strict";
import { test } from "node:test";
import { formatModelCacheLine, type ModelCacheReport } from "./format-model-cache.js";

const report = (saved: number, usd = 0.0124): ModelCacheReport => ({
  mode: "read-write",
  dir: "/p/.ag2-eval/runs/cache",
  hits: 1,
  misses: 2,
  input_tokens_saved: saved,
  output_tokens_saved: 0,
  usd_saved: usd,
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

test("formatModelCacheLine writes the dollars saved with three significant digits", () => {
  // a fixed four decimals showed a fraction of a cent as $0.0001, and a smaller one as $0.0000
  assert.match(formatModelCacheLine(report(355, 0.0000532)), /tokens saved \(\$0\.0000532\)$/);
  assert.match(formatModelCacheLine(report(355, 0.00001234)), /tokens saved \(\$0\.0000123\)$/);
  assert.match(formatModelCacheLine(report(9_000_000, 12.3456)), /tokens saved \(\$12\.3\)$/);
  assert.match(formatModelCacheLine(report(0, 0)), /0 tokens saved \(\$0\)$/);
});
