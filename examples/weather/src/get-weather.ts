import { tool } from "@ag2/eval";
import { z } from "zod";
import { weatherIn } from "./weather-data.js";

/**
 * The agent's only tool. An unknown city is an error the model sees (and `noToolErrors`
 * scores), not a crash.
 *
 * @example
 * ```ts
 * await getWeather.run('{"city":"Cairo"}', { askHuman: async () => "" }); // '{"city":"Cairo",...}'
 * ```
 */
export const getWeather = tool({
  name: "get_weather",
  description: "Current weather in a city: temperature in °C and conditions.",
  parameters: z.object({ city: z.string().describe("The city name, e.g. São Paulo") }),
  execute: ({ city }) => {
    const weather = weatherIn(city);
    if (!weather) throw new Error(`no weather station for "${city}"`);
    return weather;
  },
});
