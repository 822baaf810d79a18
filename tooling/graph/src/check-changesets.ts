import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const BUMP = /^"(@ag2\/[a-z-]+)": (patch|minor|major)$/;

/**
 * Problems in the changesets of `.changeset/`: a file whose frontmatter is not a list of
 * `"<package>": patch|minor|major` lines between `---` fences, names an unknown package, or has
 * no summary. `changeset version` would fail on any of them at release time.
 */
export function checkChangesets(folder: string, packages: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".md"))) {
    if (file === "README.md") continue;
    const lines = readFileSync(join(folder, file), "utf8").split("\n");
    const end = lines.indexOf("---", 1);
    if (lines[0] !== "---" || end < 2) {
      problems.push(`${file}: expected a frontmatter of "<package>": <bump> lines between ---`);
      continue;
    }
    for (const line of lines.slice(1, end)) {
      const match = BUMP.exec(line);
      if (!match) problems.push(`${file}: expected "<package>": patch|minor|major, got ${line}`);
      else if (!packages.has(match[1] as string))
        problems.push(`${file}: unknown package ${match[1]}`);
    }
    if (
      lines
        .slice(end + 1)
        .join("")
        .trim() === ""
    )
      problems.push(`${file}: no summary`);
  }
  return problems;
}
