import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Error classes that do not state their own `errorName`. A minifier renames classes, and
 * `Ag2EvalError` falls back to the constructor's name for a class without one, so such a
 * class would get a mangled `name` and break `isInstance` in a user's minified bundle.
 * Every class in `packages/<pkg>/src` (tests aside) whose name ends in `Error` and that
 * extends another class must declare `static ... errorName ... = "<its own name>"`.
 */
export function checkErrorNames(root: string): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(join(root, "packages"))) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/class (\w+Error) extends \w+(?:<[^>]*>)? \{/g)) {
      const [, name] = match;
      const body = text.slice(match.index, text.indexOf("\n}", match.index));
      if (!new RegExp(`static[^;=]*errorName[^=]*=\\s*"${name}"`).test(body)) {
        problems.push(`${relative(root, file)}: ${name} does not set errorName = "${name}"`);
      }
    }
  }
  return problems;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (
      /\.ts$/.test(entry.name) &&
      !/\.test(-helper)?\.ts$|\.test\.helper\.ts$/.test(entry.name)
    ) {
      yield path;
    }
  }
}
