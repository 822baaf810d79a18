export type { AiSdkAgentOptions, AiSdkAnswer, AiSdkRunContext } from "./ai-sdk-agent.js";
export { aiSdkAgent } from "./ai-sdk-agent.js";
export type { AiSdkTelemetrySettings } from "./ai-sdk-telemetry.js";
export { aiSdkTelemetry } from "./ai-sdk-telemetry.js";
