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
  // framework bridges: the framework itself is an optional peer dependency, never core's
  "@ag2/eval-ai-sdk": ["@ag2/eval-core", "@ag2/eval-telemetry"],
};

/** External packages a workspace package must not pull in (core stays free of OpenTelemetry). */
export const FORBIDDEN_EXTERNAL_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  "@ag2/eval-core": ["@opentelemetry/"],
  "@ag2/eval-agent": ["@opentelemetry/"],
  "@ag2/eval-store-fs": ["@opentelemetry/"],
  "@ag2/eval-scorers": ["@opentelemetry/"],
};
