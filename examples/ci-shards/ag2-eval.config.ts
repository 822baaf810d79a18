import { defineConfig } from "@ag2/eval-cli";

// Every CI job runs `ag2-eval` here: the shards with --shard i/4, the merge job with the gates.
export default defineConfig({
  suite: "arithmetic.jsonl",
  agent: "./src/agent.ts#calculatorAgent",
  scorers: "./src/scorers.ts",
  // runs/ holds the committed baseline; the runs of a job land beside it (git ignores them)
  store: "runs",
  label: "ci-shards",
  repeats: 2,
  concurrency: 4,
});
