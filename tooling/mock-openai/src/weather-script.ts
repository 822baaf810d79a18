import type { ChatScript, ScriptedUsage } from "./chat-script.js";

/** What the `get_weather` tool of the scripted conversation reports, by city. */
export const WEATHER_REPORTS: Readonly<Record<string, string>> = {
  Paris: "sunny, 24°C",
  Oslo: "light snow, -3°C",
  Lima: "overcast, 18°C",
};

/**
 * The token counts the scripted model reports: `toolStep` for the reply that calls the tool,
 * `answerStep` for the final answer. A trace of one conversation totals both, once.
 */
export const WEATHER_USAGE: Readonly<Record<"toolStep" | "answerStep", ScriptedUsage>> = {
  toolStep: { promptTokens: 52, completionTokens: 9 },
  answerStep: { promptTokens: 81, completionTokens: 14 },
};

/** The id the scripted model gives its `get_weather` call for `city`. */
export function weatherCallId(city: string): string {
  return `call_weather_${city.toLowerCase()}`;
}

/** The final answer the scripted model gives once the tool answered `result` for `city`. */
export function weatherAnswer(city: string, result: string): string {
  return `The weather in ${city}: ${result}.`;
}

/**
 * The conversation every framework row plays: the user asks about a city named in
 * {@link WEATHER_REPORTS}; the model calls `get_weather({ city })`; once the conversation holds
 * the tool's result, it answers {@link weatherAnswer} with the result as the tool sent it (so a
 * framework that re-encodes results shows in the answer). A city it does not know gets an
 * answer without a tool call. Token counts are {@link WEATHER_USAGE}, or none with
 * `usage: false` (a provider that reports no usage).
 *
 * @example
 * ```ts
 * const server = await startMockOpenAI({ script: weatherScript() });
 * ```
 */
export function weatherScript(options: { readonly usage?: boolean } = {}): ChatScript {
  const script = weatherConversation();
  if (options.usage !== false) return script;
  return (request) => ({ ...script(request), usage: undefined });
}

function weatherConversation(): ChatScript {
  return ({ messages }) => {
    const lastUser = messages.findLastIndex((message) => message.role === "user");
    const question = messages[lastUser]?.content ?? "";
    const city = Object.keys(WEATHER_REPORTS).find((name) => question.includes(name));
    if (city === undefined) {
      return {
        content: `I only know the weather in ${Object.keys(WEATHER_REPORTS).join(", ")}.`,
        usage: WEATHER_USAGE.toolStep,
      };
    }
    const result = messages.slice(lastUser + 1).find((message) => message.role === "tool");
    if (result === undefined) {
      return {
        toolCalls: [{ id: weatherCallId(city), name: "get_weather", arguments: { city } }],
        usage: WEATHER_USAGE.toolStep,
      };
    }
    return { content: weatherAnswer(city, result.content), usage: WEATHER_USAGE.answerStep };
  };
}

/**
 * What every framework row's `get_weather` tool does: the city's report from
 * {@link WEATHER_REPORTS}, or an error for a city it does not know.
 *
 * @example
 * ```ts
 * lookUpWeather("Paris"); // "sunny, 24°C"
 * ```
 */
export function lookUpWeather(city: string): string {
  const report = WEATHER_REPORTS[city];
  if (report === undefined) throw new Error(`no weather for ${JSON.stringify(city)}`);
  return report;
}
