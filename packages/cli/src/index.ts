export type { Ag2EvalConfig } from "./define-config.js";
export { defineConfig } from "./define-config.js";
export type { CliIo, TextOutput } from "./cli-io.js";
export { EXIT } from "./cli-io.js";
export { main } from "./main.js";
export { ConfigError, UsageError } from "./usage-error.js";
