export type { WeatherExampleUnderTest } from "./register-weather-example-tests.js";
export { registerWeatherExampleTests } from "./register-weather-example-tests.js";
export type { WeatherExampleOptions } from "./run-weather-example.js";
export { runWeatherExample, weatherExampleSuite } from "./run-weather-example.js";
export { weatherExampleMain } from "./weather-example-main.js";
