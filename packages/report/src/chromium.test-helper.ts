import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** The flags every launch uses: headless, no sandbox (CI runs as root), no network chatter. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium (or `AG2_CHROMIUM`), or null when none is installed (or `AG2_CHROMIUM=none`). */
export function findChromium(): string | null {
  if (process.env.AG2_CHROMIUM === "none") return null;
  const candidates = [
    process.env.AG2_CHROMIUM,
    "/usr/bin/chromium",
    ...(process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "chromium")),
  ];
  for (const path of candidates) {
    if (!path) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * The reason to skip browser tests, or false when Chromium is here. Each test file runs in its
 * own process, so only the one file that passes `announce` prints the visible line.
 */
export function skipWithoutChromium(options: { announce?: boolean } = {}): string | false {
  if (findChromium()) return false;
  const reason =
    "no Chromium found (apt-get install -y chromium, or set AG2_CHROMIUM): the report's browser tests are skipped";
  if (options.announce) process.stdout.write(`\n*** @ag2/eval-report: ${reason} ***\n\n`);
  return reason;
}

/** A browser on a fresh profile (its own user-data-dir); `close` also removes the profile. */
export async function launchChromium(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("no Chromium to launch");
  const profile = mkdtempSync(join(tmpdir(), "ag2-report-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1360, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go: `AG2_SCREENSHOTS` or `<package>/test-artifacts/screenshots`. */
export function screenshotDir(): string {
  const dir =
    process.env.AG2_SCREENSHOTS ??
    join(new URL("../", import.meta.url).pathname, "test-artifacts", "screenshots");
  mkdirSync(dir, { recursive: true });
  return dir;
}
