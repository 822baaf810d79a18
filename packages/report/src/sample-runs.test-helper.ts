import type { Feedback, RunResult, TaskResult, TraceEvent } from "@ag2/eval-core";
import { makeRunResult, makeTaskResult } from "@ag2/eval-core/testing";

const CITIES = [
  "Paris",
  "Tokyo",
  "Lima",
  "Oslo",
  "Nairobi",
  "Perth",
  "Quito",
  "Seoul",
  "Cairo",
  "Denver",
];

/** A small deterministic generator, so every sample run is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** What {@link sampleRun} builds. */
export interface SampleRunOptions {
  readonly runId?: string;
  readonly tasks?: number;
  readonly repeats?: number;
  readonly seed?: number;
  /** Chance that a task answers correctly. */
  readonly skill?: number;
  readonly label?: string | null;
  readonly createdAt?: string;
  readonly target?: string;
}

/**
 * A weather agent's run: each task asks for a city's temperature, calls `get_weather`, and
 * answers; `correct` (boolean) and `relevance` (number) grade it; some tasks fail, a few crash.
 */
export function sampleRun(options: SampleRunOptions = {}): RunResult {
  const { tasks = 40, repeats = 1, seed = 7, skill = 0.8 } = options;
  const next = random(seed);
  const results: TaskResult[] = [];
  const base = Date.parse("2026-12-01T09:00:00Z");
  for (let t = 0; t < tasks; t++) {
    const city = CITIES[t % CITIES.length] as string;
    const celsius = 5 + ((t * 7) % 25);
    for (let r = 0; r < repeats; r++) {
      const id = `weather-${String(t + 1).padStart(4, "0")}`;
      const crashed = next() < 0.03;
      const right = !crashed && next() < skill;
      const said = right ? celsius : celsius + 3;
      const at = base + t * 1000;
      const events: TraceEvent[] = [
        {
          type: "ModelResponse",
          content: null,
          toolCalls: [
            {
              id: `call-${t}`,
              name: "get_weather",
              arguments: JSON.stringify({ city, unit: "celsius" }),
            },
          ],
          usage: { inputTokens: 180 + (t % 40), outputTokens: 24 },
          model: "gpt-4.1-mini",
          finishReason: "tool_calls",
          createdAt: at,
        },
        {
          type: "ToolCallEvent",
          id: `call-${t}`,
          name: "get_weather",
          arguments: JSON.stringify({ city, unit: "celsius" }),
          createdAt: at + 40,
        },
        crashed
          ? {
              type: "ToolErrorEvent",
              parentId: `call-${t}`,
              name: "get_weather",
              error: { type: "TimeoutError", message: "weather service did not answer in 5 s" },
              createdAt: at + 5040,
            }
          : {
              type: "ToolResultEvent",
              parentId: `call-${t}`,
              name: "get_weather",
              result: JSON.stringify({ city, celsius, sky: "clear" }),
              createdAt: at + 310,
            },
      ];
      if (!crashed) {
        events.push({
          type: "ModelResponse",
          content: `It is ${said} °C and clear in ${city} right now.`,
          usage: { inputTokens: 260 + (t % 50), outputTokens: 18 },
          model: "gpt-4.1-mini",
          finishReason: "stop",
          createdAt: at + 900,
        });
      }
      const feedback: Feedback[] = crashed
        ? [{ key: "correct", score: false, comment: "no answer" }]
        : [
            {
              key: "correct",
              score: right,
              comment: right ? "temperature matches" : `expected ${celsius} °C, got ${said} °C`,
            },
            { key: "relevance", score: Math.round((0.6 + next() * 0.4) * 100) / 100 },
          ];
      results.push(
        makeTaskResult({
          taskId: repeats > 1 ? `${id}#${r + 1}` : id,
          inputs: { question: `What is the temperature in ${city}?` },
          referenceOutputs: { celsius },
          tags: [t % 3 === 0 ? "europe" : "world", ...(t % 5 === 0 ? ["hard"] : [])],
          events,
          exception: crashed
            ? { type: "TimeoutError", message: "weather service did not answer in 5 s" }
            : null,
          durationMs: crashed ? 5050 : 700 + Math.round(next() * 900),
          feedback,
        }),
      );
    }
  }
  return makeRunResult({
    runId: options.runId ?? "2026-12-01T09-00-00_weather",
    tasks: results,
    label: options.label === undefined ? "nightly" : options.label,
    createdAt: options.createdAt ?? "2026-12-01T09:00:00.000000+00:00",
    target: options.target ?? "WeatherAgent",
    concurrency: 8,
    durationMs: 4200 + tasks * 15,
    suiteName: "weather-smoke",
    suiteSource: "suites/weather.jsonl",
  });
}
