/** One city's (made-up) current weather. */
export interface Weather {
  readonly city: string;
  readonly temperatureC: number;
  readonly conditions: string;
}

/** The fixed weather the example's `get_weather` tool reports, so runs are reproducible. */
export const WEATHER: Readonly<Record<string, Weather>> = {
  tokyo: { city: "Tokyo", temperatureC: 18, conditions: "clear" },
  "são paulo": { city: "São Paulo", temperatureC: 24, conditions: "light rain" },
  reykjavík: { city: "Reykjavík", temperatureC: 3, conditions: "windy" },
  cairo: { city: "Cairo", temperatureC: 35, conditions: "sunny" },
  sydney: { city: "Sydney", temperatureC: 21, conditions: "cloudy" },
};

/**
 * Looks a city up case-insensitively.
 *
 * @example
 * ```ts
 * weatherIn("são paulo")?.temperatureC; // 24
 * ```
 */
export function weatherIn(city: string): Weather | undefined {
  return WEATHER[city.trim().toLocaleLowerCase("en")];
}
