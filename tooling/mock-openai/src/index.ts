export type {
  ChatScript,
  ScriptedFailure,
  ScriptedMessage,
  ScriptedReply,
  ScriptedToolCall,
  ScriptedUsage,
  ScriptRequest,
  WireMessage,
} from "./chat-script.js";
export { isFailure } from "./chat-script.js";
export { eventLines } from "./event-lines.js";
export type {
  MockOpenAIOptions,
  MockOpenAIServer,
  ReceivedRequest,
} from "./mock-openai-server.js";
export { startMockOpenAI } from "./mock-openai-server.js";
export type { RunOnMockOptions } from "./run-on-mock.js";
export { runOnMock, weatherQuestions } from "./run-on-mock.js";
export { assertToolErrorHandled, assertWeatherPair } from "./weather-run-checks.js";
export {
  lookUpWeather,
  WEATHER_REPORTS,
  WEATHER_USAGE,
  weatherAnswer,
  weatherCallId,
  weatherScript,
} from "./weather-script.js";
