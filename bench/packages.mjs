// Loads a workspace package the way a user's code does: through its package.json `exports`
// (the bundled entry), not a file of tsc's per-module output.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

// @ag2/eval depends on every other package (and resolves itself by name): resolve from there
const require = createRequire(new URL("../packages/eval/package.json", import.meta.url));

/** `await importPackage("@ag2/eval-core")` */
export function importPackage(name) {
  return import(pathToFileURL(require.resolve(name)).href);
}
