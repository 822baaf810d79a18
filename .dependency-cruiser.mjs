// Import rules between source files, checked by `pnpm check:imports` (run by tooling/graph's
// tests). The package graph itself (which package may depend on which) is tooling/graph's
// check-graph; this file rules the files inside each package.
//
// Each package lists its source folders bottom first: a file may import from its own folder
// and from folders earlier in the list, never from a later one (type-only imports included).
// Files directly in `src/` (the entry barrels) and tests may import anything in their package. To layer another package,
// add an entry to `layers`.

/** @type {Record<string, string[]>} package folder → its `src/` folders, lowest first */
const layers = {
  "packages/core": [
    "util",
    "errors",
    "stats",
    "suite",
    "trace",
    "agent",
    "scoring",
    "result",
    "run-file",
    "compare",
    "run-result",
    "events",
    "evaluate",
    "shard",
    "run",
    "pairwise",
    "variants",
    "format",
    "internal",
    "schema",
    "testing",
  ],
  "packages/telemetry": [
    "spans",
    "conventions",
    "convert",
    "sources",
    "context",
    "middleware",
    "tracing",
  ],
  "packages/cli": ["terminal", "args", "config", "gates", "output", "run", "watch", "commands"],
};

// a test (or its fixtures) may exercise its folder through any part of its package: nothing
// but tests imports them
const TESTS = "\\.test(-helper)?\\.ts$|/__fixtures__/";

const quote = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function layerRules(pkg, folders) {
  const src = `^${quote(pkg)}/src/`;
  const rules = folders.map((folder, index) => {
    const higher = folders.slice(index + 1);
    return {
      name: `layer:${pkg}/${folder}`,
      comment: `${pkg}/src/${folder}/ imports only from itself and ${folders.slice(0, index).join(", ") || "nothing below it"}`,
      severity: "error",
      from: { path: `${src}${quote(folder)}/`, pathNot: TESTS },
      to: { path: `${src}(${higher.map(quote).join("|")})/` },
    };
  });
  rules.push({
    name: `layer:${pkg}/unlisted`,
    comment: `every folder under ${pkg}/src has a place in .dependency-cruiser.mjs's layers`,
    severity: "error",
    from: { path: `${src}[^/]+/`, pathNot: `${src}(${folders.map(quote).join("|")})/|${TESTS}` },
    to: {},
  });
  return rules.filter((rule) => rule.to.path !== `${src}()/`);
}

export default {
  forbidden: [
    {
      name: "no-runtime-cycle",
      comment: "a cycle of value imports runs at load time, in an order that depends on the entry",
      severity: "error",
      from: { path: "^packages/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-cycle-across-folders",
      comment: "a cycle, even of type-only imports, stays inside one folder",
      severity: "error",
      from: { path: "^packages/[^/]+/src/([^/]+)/" },
      to: { circular: true, via: { pathNot: "^packages/[^/]+/src/$1/" } },
    },
    ...Object.entries(layers).flatMap(([pkg, folders]) => layerRules(pkg, folders)),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.depcruise.json" },
  },
};
