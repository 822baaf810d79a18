/**
 * The package graph of ARCHITECTURE.md §1: for each workspace package, the other workspace
 * packages it may depend on (directly, in any dependency field that ships to users) and the
 * external packages it must never depend on.
 */
export const ALLOWED_WORKSPACE_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  "@ag2/eval-core": [],
  "@ag2/eval-agent": ["@ag2/eval-core"],
  "@ag2/eval-telemetry": ["@ag2/eval-core"],
  "@ag2/eval-store-fs": ["@ag2/eval-core"],
  "@ag2/eval-scorers": ["@ag2/eval-core", "@ag2/eval-agent"],
  "@ag2/eval": [
    "@ag2/eval-core",
    "@ag2/eval-agent",
    "@ag2/eval-telemetry",
    "@ag2/eval-scorers",
    "@ag2/eval-store-fs",
  ],
  "@ag2/eval-cli": ["@ag2/eval"],
  // framework bridges: the framework itself is their optional peer, never core's or telemetry's
  "@ag2/eval-openai-agents": ["@ag2/eval-core", "@ag2/eval-telemetry"],
  "@ag2/eval-langchain": ["@ag2/eval-core", "@ag2/eval-telemetry"],
};

/** Agent frameworks: only their bridge packages may depend on them. */
const FRAMEWORKS = ["@openai/agents", "@langchain/", "@arizeai/"];

/** External packages a workspace package must not pull in (core stays free of OpenTelemetry). */
export const FORBIDDEN_EXTERNAL_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  "@ag2/eval-core": ["@opentelemetry/", ...FRAMEWORKS],
  "@ag2/eval-agent": ["@opentelemetry/", ...FRAMEWORKS],
  "@ag2/eval-store-fs": ["@opentelemetry/", ...FRAMEWORKS],
  "@ag2/eval-scorers": ["@opentelemetry/", ...FRAMEWORKS],
  "@ag2/eval-telemetry": FRAMEWORKS,
};
