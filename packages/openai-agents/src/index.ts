export type { OpenAIAgentsAgentOptions } from "./openai-agents-agent.js";
export { openAIAgentsAgent } from "./openai-agents-agent.js";
