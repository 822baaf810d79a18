import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { screenshotDir } from "./chromium.test-helper.js";

/** A folder for report files, removed by `remove`. */
export function reportFolder(): {
  write: (name: string, html: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), "ag2-report-"));
  return {
    write: (name, html) => {
      const path = join(dir, name);
      writeFileSync(path, html);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What a page did that a report must never do: load from elsewhere, fail, or open a dialog. */
export interface PageWatch {
  readonly requests: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

/** A new page that records every request, script error, console error and dialog. */
export async function watchedPage(
  context: BrowserContext,
): Promise<{ page: Page; watch: PageWatch }> {
  const page = await context.newPage();
  // a 12 MB report on a busy two-core machine takes seconds to parse; speed is the bench's job
  page.setDefaultTimeout(60_000);
  const watch: PageWatch = { requests: [], errors: [], dialogs: [] };
  page.on("request", (r) => watch.requests.push(r.url()));
  page.on("pageerror", (e) => watch.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") watch.errors.push(m.text());
  });
  page.on("dialog", (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, watch };
}

/** Only the file itself was loaded (and nothing failed). */
export function assertOffline(watch: PageWatch, file: string): void {
  assert.deepEqual(
    watch.requests.filter((url) => !url.startsWith(`file://${file}`)),
    [],
    "the report must not load anything",
  );
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.dialogs, []);
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`) });
}
