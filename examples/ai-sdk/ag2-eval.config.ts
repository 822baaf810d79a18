import { defineConfig } from "@ag2/eval-cli";

// `pnpm example:ai-sdk` (from the repository root) runs `ag2-eval run` here; any flag
// overrides these settings.
export default defineConfig({
  suite: "weather.jsonl",
  agent: "./src/agent.ts#weatherAgent",
  scorers: "./src/scorers.ts",
  store: ".ag2-eval/runs",
  label: "ai-sdk-example",
  concurrency: 3,
  minPassRate: { "tool_called[get_weather]": 1, reports_tool_result: 1 },
});
