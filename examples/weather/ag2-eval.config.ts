import { defineConfig } from "@ag2/eval-cli";

// `pnpm example` runs `ag2-eval run` here: every setting below can be overridden by a flag.
export default defineConfig({
  suite: "weather.jsonl",
  agent: "./src/agent.ts#weatherAgent",
  scorers: "./src/scorers.ts",
  store: ".ag2-eval/runs",
  label: "weather-example",
  concurrency: 3,
  // The cassette for Sydney answers from memory, so 4 of 5 tasks call the tool.
  minPassRate: { "tool_called[get_weather]": 0.8 },
});
