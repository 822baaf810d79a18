import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { assertOffline, reportFolder, shoot, watchedPage } from "./browser-page.test-helper.js";
import { launchChromium, skipWithoutChromium } from "./chromium.test-helper.js";
import { hostileRun, PAYLOADS } from "./hostile-run.test-helper.js";
import { renderReport } from "./render-report.js";

/** Nothing a payload would have done: no flag, no injected element, no script link. */
async function assertInert(page: Page): Promise<void> {
  // a string, run in the page: this package's Node types know no DOM
  const found = await page.evaluate(`({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll("img").length,
    svgOnload: document.querySelectorAll("svg[onload], [onerror]").length,
    scripts: document.querySelectorAll("script").length,
    badLinks: [...document.querySelectorAll("a")].filter((a) => !a.getAttribute("href")?.startsWith("#")).length,
  })`);
  assert.deepEqual(found, { pwned: null, images: 0, svgOnload: 0, scripts: 2, badLinks: 0 });
}

describe("hostile run text in Chromium", { skip: skipWithoutChromium() }, () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  const folder = reportFolder();
  before(async () => {
    ({ context, close } = await launchChromium());
  });
  after(async () => {
    await close?.();
    folder.remove();
  });

  it("shows every payload as text on every page and runs none of them", async () => {
    const run = hostileRun();
    const file = folder.write(
      "hostile.html",
      renderReport({ kind: "runs", runs: [run] }, { title: PAYLOADS[1] }),
    );
    const { page, watch } = await watchedPage(context);
    await page.goto(`file://${file}`);
    await page.locator(".runs tbody tr").first().waitFor();
    assert.equal(await page.title(), PAYLOADS[1]);
    await assertInert(page);

    await page.goto(`file://${file}#/run/hostile-run`);
    await page.locator(".key-card").first().waitFor();
    const runText = await page.locator("main").innerText();
    // the label and the target are shown literally
    assert.ok(runText.includes(PAYLOADS[0]));
    assert.ok(runText.includes(PAYLOADS[1]));
    await assertInert(page);
    await shoot(page, "hostile-run");

    await page.goto(`file://${file}#/run/hostile-run/tasks`);
    await page
      .getByTestId("task-count")
      .filter({ hasText: `${PAYLOADS.length} of ${PAYLOADS.length}` })
      .waitFor();
    const table = await page.getByTestId("tasks").innerText();
    assert.ok(table.includes(`${PAYLOADS[3]}-3`), "a task id with markup shows as text");
    await assertInert(page);

    for (let group = 0; group < PAYLOADS.length; group++) {
      await page.goto(`file://${file}#/run/hostile-run/task/${group}/0`);
      await page.locator(".timeline").waitFor();
      const text = await page.locator("main").innerText();
      const payload = PAYLOADS[group]!;
      if (payload.includes("\u001b")) {
        assert.ok(text.includes("\u241b[31mred\u241b[0m ansi"), "ANSI escapes show as ␛");
      } else if (payload.includes("\u202e")) {
        assert.ok(
          text.includes("abc[U+202E]txt.exe[U+202C] rtl"),
          "the override shows as a marker",
        );
        assert.ok(!text.includes("\u202e"));
      } else {
        assert.ok(text.includes(payload), `payload ${group} shows literally`);
      }
      await assertInert(page);
    }

    // the megabyte: cut, then shown in full on request
    await page.goto(`file://${file}#/run/hostile-run/task/1/0`);
    const showAll = page
      .getByRole("button", { name: /Show all \(1,048,\d{3} characters\)/ })
      .first();
    await showAll.click();
    await page.waitForFunction("document.body.innerText.length > 1048576");
    await assertInert(page);
    await shoot(page, "hostile-task");
    assertOffline(watch, file);
  });
});
