export type { Ag2EvalConfig } from "./config/define-config.js";
export { defineConfig } from "./config/define-config.js";
