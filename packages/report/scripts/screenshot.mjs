#!/usr/bin/env node
// Makes the screenshots the README shows: a sample weather-agent run rendered by renderReport
// and opened in headless Chromium (Debian's /usr/bin/chromium, or AG2_CHROMIUM). Run after
// `pnpm build`: `pnpm --filter @ag2/eval-report screenshot`. Writes docs/*.png.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../dist/chromium.test-helper.js";
import { renderReport } from "../dist/index.js";
import { sampleRun } from "../dist/sample-runs.test-helper.js";

const docs = new URL("../docs/", import.meta.url).pathname;
mkdirSync(docs, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "ag2-report-shots-"));
const run = sampleRun({ runId: "2026-12-01T09-00-00_weather", tasks: 48, repeats: 3, skill: 0.78 });
const baseline = sampleRun({
  runId: "2026-11-30T09-00-00_weather",
  tasks: 48,
  repeats: 3,
  skill: 0.92,
  seed: 11,
});
// a price per token, so the header shows a cost
const costOf = (trace) => trace.tokens.input * 4e-7 + trace.tokens.output * 1.6e-6;
const runFile = join(dir, "run.html");
const compareFile = join(dir, "compare.html");
writeFileSync(runFile, renderReport({ kind: "run", run }, { costOf }));
writeFileSync(
  compareFile,
  renderReport({ kind: "compare", baseline, current: run }, { costOf, compare: { seed: 1 } }),
);

const shots = [
  { file: runFile, hash: "", name: "run-page", scheme: "light" },
  { file: runFile, hash: "", name: "run-page-dark", scheme: "dark" },
  { file: runFile, hash: `#/run/${run.runId}/tasks`, name: "tasks-page", scheme: "light" },
  { file: runFile, hash: `#/run/${run.runId}/task/3/1`, name: "task-page", scheme: "light" },
  { file: compareFile, hash: "", name: "compare-page", scheme: "light" },
];
const { context, close } = await launchChromium();
try {
  for (const shot of shots) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 820 });
    await page.emulateMedia({ colorScheme: shot.scheme });
    await page.goto(`file://${shot.file}${shot.hash}`);
    await page.locator("main > *").first().waitFor();
    await page.screenshot({ path: join(docs, `${shot.name}.png`) });
    await page.close();
    console.log(`wrote docs/${shot.name}.png`);
  }
} finally {
  await close();
  rmSync(dir, { recursive: true, force: true });
}
