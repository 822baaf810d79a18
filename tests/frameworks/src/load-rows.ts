import { readdir } from "node:fs/promises";
import type { FrameworkRow } from "./framework-row.js";

const ROWS = new URL("./rows/", import.meta.url);

/** Every row in `rows/`, in file-name order; a file without a proper `row` export is an error. */
export async function loadRows(): Promise<FrameworkRow[]> {
  const files = (await readdir(ROWS)).filter((name) => name.endsWith(".js")).sort();
  return Promise.all(
    files.map(async (file) => {
      const loaded = (await import(new URL(file, ROWS).href)) as { row?: Partial<FrameworkRow> };
      const { row } = loaded;
      if (typeof row?.name !== "string" || typeof row.createAgent !== "function") {
        throw new Error(`rows/${file}: expected an export \`row\` with a name and createAgent()`);
      }
      return row as FrameworkRow;
    }),
  );
}
