import {
  finalAnswerMatches,
  noToolErrors,
  type Scorer,
  scorer,
  type TaskRecord,
  tokenBudget,
  toolCalled,
} from "@ag2/eval";
import { WEATHER_REPORTS, WEATHER_USAGE, weatherAnswer } from "@ag2/mock-openai";
import type { EventSummary } from "./trace-summary.js";

const CITIES = ["Paris", "Oslo"] as const;

function report(city: string): string {
  return WEATHER_REPORTS[city] ?? "";
}

/** The suite every row runs: one task per city, with the answer and report to expect. */
export const CONVERSATION_SUITE: TaskRecord[] = CITIES.map((city) => ({
  task_id: city.toLowerCase(),
  inputs: { input: `What is the weather in ${city}?` },
  reference_outputs: { answer: weatherAnswer(city, report(city)), city, report: report(city) },
}));

/** The scripted conversation's trace for `city`, as {@link summarizeTrace} shows it. */
export function expectedEvents(city: string): EventSummary[] {
  const args = { city };
  const { toolStep, answerStep } = WEATHER_USAGE;
  return [
    {
      type: "ModelResponse",
      content: null,
      toolCalls: [{ name: "get_weather", arguments: args }],
      usage: { input: toolStep.promptTokens, output: toolStep.completionTokens },
    },
    { type: "ToolCallEvent", name: "get_weather", arguments: args },
    { type: "ToolResultEvent", name: "get_weather", result: report(city) },
    {
      type: "ModelResponse",
      content: weatherAnswer(city, report(city)),
      toolCalls: [],
      usage: { input: answerStep.promptTokens, output: answerStep.completionTokens },
    },
  ];
}

/** Both model calls' tokens, each counted once. */
export const EXPECTED_TOKENS = {
  input: WEATHER_USAGE.toolStep.promptTokens + WEATHER_USAGE.answerStep.promptTokens,
  output: WEATHER_USAGE.toolStep.completionTokens + WEATHER_USAGE.answerStep.completionTokens,
};

/**
 * Scorers that read every part of the trace the rows must agree on. `token_budget` at
 * 1.5× the conversation's tokens fails a trace that counts a call twice; `tool_result_is_report`
 * fails a framework whose results reach the trace re-encoded (JSON-quoted).
 */
export const CONVERSATION_SCORERS: Scorer[] = [
  toolCalled("get_weather"),
  noToolErrors(),
  finalAnswerMatches("answer", { matcher: "exact" }),
  tokenBudget(Math.floor((EXPECTED_TOKENS.input + EXPECTED_TOKENS.output) * 1.5)),
  scorer(
    ({ trace, referenceOutputs }) =>
      trace
        .eventsOf("ToolCallEvent")
        .some((call) => JSON.parse(call.arguments).city === referenceOutputs?.city),
    { key: "tool_args_name_the_city" },
  ),
  scorer(
    ({ trace, referenceOutputs }) =>
      trace
        .eventsOf("ToolResultEvent")
        .some(
          (event) => event.type === "ToolResultEvent" && event.result === referenceOutputs?.report,
        ),
    { key: "tool_result_is_report" },
  ),
];
