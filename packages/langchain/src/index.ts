export type { LangChainAgentOptions } from "./lang-chain-agent.js";
export { langChainAgent } from "./lang-chain-agent.js";
export type { GraphMessage, MessagesGraph } from "./lang-graph-agent.js";
export { langGraphAgent } from "./lang-graph-agent.js";
