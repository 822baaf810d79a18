export type { Ag2EvalConfig } from "./define-config.js";
export { defineConfig } from "./define-config.js";
