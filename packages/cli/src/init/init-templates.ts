/** The files `ag2-eval init` writes, by path relative to the project folder. */
export const INIT_TEMPLATES: Readonly<Record<string, string>> = {
  "evals/capitals.jsonl": `${[
    {
      task_id: "france",
      inputs: { input: "What is the capital of France? Answer with the city only." },
      reference_outputs: { answer: "Paris" },
    },
    {
      task_id: "japan",
      inputs: { input: "What is the capital of Japan? Answer with the city only." },
      reference_outputs: { answer: "Tokyo" },
    },
    {
      task_id: "kenya",
      inputs: { input: "What is the capital of Kenya? Answer with the city only." },
      reference_outputs: { answer: "Nairobi" },
    },
  ]
    .map((task) => JSON.stringify(task))
    .join("\n")}\n`,
  "evals/scorers.ts": `import type { Scorer } from "@ag2/eval";

// Passes when the agent's answer names the reference city (case and punctuation ignored).
const mentionsAnswer: Scorer = {
  key: "mentions_answer",
  score: async ({ outputs, referenceOutputs }) => {
    const said = String(outputs.body ?? "").toLowerCase();
    const expected = String(referenceOutputs?.answer ?? "").toLowerCase();
    return [{ key: "mentions_answer", score: expected !== "" && said.includes(expected) }];
  },
};

export default [mentionsAnswer];
`,
  "evals/agent.ts": `import { Agent, OpenAICompatibleConfig } from "@ag2/eval";

// Any OpenAI-compatible server: OpenAI, a gateway, vLLM, Ollama (OPENAI_BASE_URL=http://localhost:11434/v1).
// The recorded answers in .ag2-eval/runs/cache were made with the defaults below, so "npm run eval"
// replays them with no key; "npm run eval:record" calls the model again.
//
// To evaluate an AI SDK agent instead, export \`aiSdkAgent(...)\` from "@ag2/eval-ai-sdk" here.
export default new Agent({
  name: "capitals",
  instructions: "You answer geography questions in one word.",
  config: new OpenAICompatibleConfig({
    baseURL: process.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1",
    apiKey: process.env.OPENAI_API_KEY,
    model: process.env.AG2_EVAL_MODEL ?? "gpt-4o-mini",
  }),
});
`,
  "ag2-eval.config.ts": `import { defineConfig } from "@ag2/eval-cli";

export default defineConfig({
  suite: "evals/capitals.jsonl",
  agent: "./evals/agent.ts",
  scorers: "./evals/scorers.ts",
  // replay answers model calls from .ag2-eval/runs/cache, so the eval runs offline and in CI
  // without a key; "ag2-eval run --cache record" refreshes them.
  cache: "replay",
  minPassRate: { mentions_answer: 1 },
});
`,
};

/** The package.json scripts `ag2-eval init` adds. */
export const INIT_SCRIPTS: Readonly<Record<string, string>> = {
  eval: "ag2-eval run",
  "eval:record": "ag2-eval run --cache record",
};
