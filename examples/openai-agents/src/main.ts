import { weatherExampleMain } from "@ag2/weather-example";
import { runExample } from "./run-example.js";

await weatherExampleMain(runExample);
