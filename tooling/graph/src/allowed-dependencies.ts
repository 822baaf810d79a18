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
  "@ag2/eval-store-postgres": ["@ag2/eval-core"],
  "@ag2/eval-scorers": ["@ag2/eval-core", "@ag2/eval-agent"],
  "@ag2/eval": [
    "@ag2/eval-core",
    "@ag2/eval-agent",
    "@ag2/eval-telemetry",
    "@ag2/eval-scorers",
    "@ag2/eval-store-fs",
  ],
  "@ag2/eval-report": ["@ag2/eval-core"],
  // the CLI imports the PostgreSQL store only when given a postgres:// store (a dynamic import)
  "@ag2/eval-cli": ["@ag2/eval", "@ag2/eval-report", "@ag2/eval-store-postgres"],
  // framework bridges: the framework itself is an optional peer dependency, never core's
  "@ag2/eval-ai-sdk": ["@ag2/eval-core", "@ag2/eval-telemetry"],
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
  "@ag2/eval-store-postgres": ["@opentelemetry/", ...FRAMEWORKS],
  "@ag2/eval-report": ["@opentelemetry/", ...FRAMEWORKS],
};

/**
 * External packages only the named workspace packages may depend on: the PostgreSQL driver
 * stays in the PostgreSQL store, so nothing else pays for loading it.
 */
export const EXTERNAL_OWNERS: Readonly<Record<string, readonly string[]>> = {
  pg: ["@ag2/eval-store-postgres"],
};
