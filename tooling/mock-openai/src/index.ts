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
export type {
  MockOpenAIOptions,
  MockOpenAIServer,
  ReceivedRequest,
} from "./mock-openai-server.js";
export { startMockOpenAI } from "./mock-openai-server.js";
export {
  lookUpWeather,
  WEATHER_REPORTS,
  WEATHER_USAGE,
  weatherAnswer,
  weatherCallId,
  weatherScript,
} from "./weather-script.js";
