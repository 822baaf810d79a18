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

/** Debian's Chromium (or `AG2_CHROMIUM`), or null when none is installed. */
export function findChromium(): string | null {
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

let announced = false;

/** The reason to skip browser tests (printed once, visibly), or false when Chromium is here. */
export function skipWithoutChromium(): string | false {
  if (findChromium()) return false;
  const reason =
    "no Chromium found (apt-get install -y chromium, or set AG2_CHROMIUM): browser tests skipped";
  if (!announced) {
    announced = true;
    process.stderr.write(`\n*** @ag2/eval-report: ${reason} ***\n\n`);
  }
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
