export type { OpenAIAgentsAgentOptions, SdkAgent } from "./openai-agents-agent.js";
export { openAIAgentsAgent } from "./openai-agents-agent.js";
