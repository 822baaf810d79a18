import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { JournalHeader, RunJournal } from "@ag2/eval-core/internal";
import { FsRunStore } from "@ag2/eval-store-fs";
import type { BrowserContext } from "playwright-core";
import { shoot, watchedPage } from "./browser-page.test-helper.js";
import { launchChromium, skipWithoutChromium } from "./chromium.test-helper.js";
import { type RunningReportServer, serveReport } from "./report-server.js";
import { sampleRun } from "./sample-runs.test-helper.js";

describe("the viewer in Chromium", { skip: skipWithoutChromium() }, () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let viewer: RunningReportServer;
  let journal: RunJournal;
  // a real store folder: the run's journal is the file a running `ag2-eval run` appends to
  const dir = mkdtempSync(join(tmpdir(), "ag2-viewer-"));
  const store = new FsRunStore(dir);
  const live = sampleRun({
    runId: "live-run",
    tasks: 4,
    createdAt: "2026-12-03T09:00:00.000000+00:00",
  });
  const header: JournalHeader = {
    runId: live.runId,
    label: "nightly",
    createdAt: live.createdAt,
    target: live.target,
    concurrency: 1,
    suite: live.suite,
    taskIds: live.tasks.map((t) => t.task.taskId),
  };

  before(async () => {
    ({ context, close } = await launchChromium());
    await store.save(
      sampleRun({ runId: "yesterday", tasks: 20, createdAt: "2026-12-02T09:00:00.000000+00:00" }),
    );
    journal = await store.openJournal(header);
    await journal.append(live.tasks[0]!);
    viewer = await serveReport({
      store: {
        list: (o) => store.list(o),
        load: (id) => store.load(id),
        readJournal: (id) => store.readJournal(id),
        listJournals: async () =>
          readdirSync(dir)
            .filter((name) => name.endsWith(".journal.jsonl"))
            .map((name) => name.slice(0, -".journal.jsonl".length)),
      },
    });
  });
  after(async () => {
    await journal?.close();
    await viewer?.close();
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows a run still writing its journal, and its new task without a reload", async () => {
    const { page, watch } = await watchedPage(context);
    await page.goto(viewer.url);
    const liveRow = page.locator(".runs tbody tr", { hasText: "running 1/4" });
    await liveRow.waitFor();
    assert.match(await page.locator(".runs tbody").innerText(), /yesterday/);
    await shoot(page, "viewer-runs");

    await liveRow.getByRole("link").click();
    await page.getByText("1 of 4 task runs graded so far").waitFor();
    await page.getByRole("link", { name: /Browse 1 tasks/ }).click();
    await page.getByTestId("task-count").filter({ hasText: "1 of 1 tasks" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "weather-0002", exact: true }).count(), 0);

    await journal.append(live.tasks[1]!);
    await page.getByRole("link", { name: "weather-0002", exact: true }).waitFor();
    await page.getByTestId("task-count").filter({ hasText: "2 of 2 tasks" }).waitFor();
    await shoot(page, "viewer-live-tasks");

    const foreign = watch.requests.filter((url) => !url.startsWith(viewer.url));
    assert.deepEqual(foreign, []);
    assert.deepEqual(watch.errors, []);
  });
});
