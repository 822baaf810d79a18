import { fileURLToPath } from "node:url";
import { registerWeatherExampleTests } from "@ag2/weather-example";
import { runExample } from "./run-example.js";

registerWeatherExampleTests({
  mainPath: fileURLToPath(new URL("./main.js", import.meta.url)),
  run: runExample,
  spans: "the SDK's spans",
});
