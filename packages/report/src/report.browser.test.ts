import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RunResult, VariantRunResult } from "@ag2/eval-core";
import type { BrowserContext } from "playwright-core";
import { assertOffline, reportFolder, shoot, watchedPage } from "./browser-page.test-helper.js";
import { launchChromium, skipWithoutChromium } from "./chromium.test-helper.js";
import { renderReport } from "./render-report.js";
import { sampleRun, withLatency } from "./sample-runs.test-helper.js";

describe("a report in Chromium", { skip: skipWithoutChromium({ announce: true }) }, () => {
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

  it("opens a run, filters to failing tasks, opens one and reads its tool call", async () => {
    const run = sampleRun({ runId: "nightly-42", tasks: 60, skill: 0.7 });
    const file = folder.write("run.html", renderReport({ kind: "run", run }));
    const { page, watch } = await watchedPage(context);
    await page.goto(`file://${file}`);
    await page.getByRole("heading", { name: "nightly-42" }).waitFor();
    const card = page.locator(".key-card", { hasText: "correct" });
    assert.match(
      await card.innerText(),
      new RegExp(`${(run.passRate("correct") * 100).toFixed(1)}%`),
    );
    assert.match(await card.innerText(), /95% CI/);
    await shoot(page, "run-page");

    await page.getByRole("link", { name: /Browse 60 tasks/ }).click();
    await page.getByTestId("task-count").filter({ hasText: "60 of 60 tasks" }).waitFor();
    await page.getByLabel("Status", { exact: true }).selectOption("failing");
    const failing = run.tasks.filter((t) =>
      t.feedback.some((f) => f.key === "correct" && f.score === false),
    );
    await page
      .getByTestId("task-count")
      .filter({ hasText: `${failing.length} of 60 tasks` })
      .waitFor();
    const chips = await page.locator(".vrows .chip").allInnerTexts();
    assert.ok(chips.includes("fail"));
    await shoot(page, "tasks-failing");

    await page.getByLabel("Search tasks").fill("Oslo");
    const oslo = failing.filter((t) => String(t.task.inputs.question).includes("Oslo"));
    await page
      .getByTestId("task-count")
      .filter({ hasText: `${oslo.length} of 60 tasks` })
      .waitFor();
    const first = oslo[0]!;
    await page.getByRole("link", { name: first.task.taskId, exact: true }).click();
    await page.getByRole("heading", { name: first.task.taskId }).waitFor();
    const call = page.locator(".event-ToolCallEvent");
    assert.match(
      await call.innerText(),
      /get_weather[\s\S]*"city": "Oslo"[\s\S]*returned[\s\S]*"celsius"/,
    );
    assert.match(await page.locator(".feedback").innerText(), /correct\s+fail/);
    await shoot(page, "task-detail");

    // back keeps the filters
    await page.goBack();
    assert.equal(await page.getByLabel("Search tasks").inputValue(), "Oslo");
    assertOffline(watch, file);
  });

  it("opens a comparison: verdicts, then a flipped task side by side", async () => {
    const baseline = sampleRun({ runId: "baseline-run", tasks: 80, skill: 0.95, seed: 3 });
    const current = sampleRun({ runId: "current-run", tasks: 80, skill: 0.5, seed: 4 });
    const file = folder.write(
      "compare.html",
      renderReport({ kind: "compare", baseline, current }, { compare: { seed: 1 } }),
    );
    const { page, watch } = await watchedPage(context);
    await page.goto(`file://${file}`);
    const row = page.locator("tr[data-verdict]", { hasText: "correct" });
    assert.equal(await row.getAttribute("data-verdict"), "regression");
    assert.match(await row.innerText(), /Regression/);
    await shoot(page, "compare");
    const flipped = page.locator("table").nth(1).getByRole("link").first();
    const taskId = await flipped.innerText();
    await flipped.click();
    await page.getByRole("heading", { name: taskId }).waitFor();
    const sides = await page.locator(".flip-page .card").allInnerTexts();
    assert.equal(sides.length, 2);
    assert.match(sides[0]!, /Baseline: baseline-run[\s\S]*correct pass/);
    assert.match(sides[1]!, /Current: current-run[\s\S]*correct fail/);
    await shoot(page, "compare-flip");
    assertOffline(watch, file);
  });

  it("says a lower latency is better, and shows the answer a run file kept without a model response", async () => {
    const slow = withLatency(sampleRun({ runId: "slow-run", tasks: 40 }), 300);
    const fast = withLatency(sampleRun({ runId: "fast-run", tasks: 40 }), 30);
    const file = folder.write(
      "faster.html",
      renderReport({ kind: "compare", baseline: slow, current: fast }, { compare: { seed: 1 } }),
    );
    const { page, watch } = await watchedPage(context);
    await page.goto(`file://${file}`);
    const row = page.locator("tr[data-verdict]", { hasText: "latency_ms" });
    assert.equal(await row.getAttribute("data-verdict"), "improvement");
    assert.match(await row.innerText(), /lower is better[\s\S]*Improvement/);
    assertOffline(watch, file);

    // a plain-function agent's answer: no model response, kept as the task's outputs
    const json = JSON.parse(JSON.stringify(sampleRun({ runId: "plain-run", tasks: 3 }))) as {
      tasks: { events: unknown[]; outputs?: unknown }[];
    };
    for (const task of json.tasks) {
      task.events = [];
      task.outputs = { body: "It is 21 °C in Paris.", content: "It is 21 °C in Paris." };
    }
    const plain = folder.write(
      "plain.html",
      renderReport({ kind: "run", run: RunResult.fromJSON(json) }),
    );
    await page.goto(`file://${plain}#/run/plain-run/task/0/0`);
    await page.getByText("It is 21 °C in Paris.").first().waitFor();
  });

  it("shows a tiny mean with three significant digits, as the CLI does, not rounded to 0", async () => {
    const json = JSON.parse(JSON.stringify(sampleRun({ runId: "cheap-run", tasks: 4 }))) as {
      run_id: string;
      tasks: { feedback: unknown[] }[];
    };
    for (const task of json.tasks) {
      task.feedback.push({ key: "cost_usd", score: 0.0000532, value: null, comment: null });
    }
    const file = folder.write(
      "cheap.html",
      renderReport({ kind: "run", run: RunResult.fromJSON(json) }),
    );
    const { page, watch } = await watchedPage(context);
    await page.goto(`file://${file}`);
    const card = page.locator(".key-card", { hasText: "cost_usd" });
    await card.waitFor();
    assert.equal(await card.locator(".big").innerText(), "0.0000532");
    assert.match(await card.innerText(), /p50 0\.0000532 · p95 0\.0000532 · n 4/);
    assertOffline(watch, file);

    // and a tiny difference between two runs, not "+0.000"
    const cheaper = JSON.parse(JSON.stringify(json)) as typeof json;
    cheaper.run_id = "cheaper-run";
    for (const task of cheaper.tasks) {
      for (const feedback of task.feedback as { key: string; score: number }[]) {
        if (feedback.key === "cost_usd") feedback.score = 0.0000412;
      }
    }
    const compared = folder.write(
      "cheaper.html",
      renderReport(
        {
          kind: "compare",
          baseline: RunResult.fromJSON(json),
          current: RunResult.fromJSON(cheaper),
        },
        { compare: { seed: 1 } },
      ),
    );
    await page.goto(`file://${compared}`);
    const row = page.locator("tr[data-verdict]", { hasText: "cost_usd" });
    assert.match(await row.innerText(), /0\.0000532\s+0\.0000412\s+−0\.000012\s/);
  });

  it("ranks a variants sweep and keeps a 10,000-task table to a window of rows", async () => {
    const sweep = new VariantRunResult({
      runId: "sweep",
      axis: "model",
      results: new Map([
        ["mini", sampleRun({ runId: "v-mini", skill: 0.55 })],
        ["large", sampleRun({ runId: "v-large", skill: 0.9, seed: 5 })],
      ]),
      createdAt: "2026-12-01T09:00:00.000000+00:00",
      durationMs: 9000,
    });
    const file = folder.write("variants.html", renderReport({ kind: "variants", sweep }));
    const { page, watch } = await watchedPage(context);
    await page.goto(`file://${file}`);
    const ranks = await page.locator(".card tbody tr").allInnerTexts();
    assert.match(ranks[0]!, /^1\s+large/);
    await shoot(page, "variants");
    assertOffline(watch, file);

    const big = folder.write(
      "big.html",
      renderReport({ kind: "run", run: sampleRun({ runId: "big", tasks: 10_000 }) }),
    );
    await page.goto(`file://${big}#/run/big/tasks`);
    await page.getByTestId("task-count").filter({ hasText: "10,000 of 10,000 tasks" }).waitFor();
    assert.ok((await page.locator(".vrows .tr").count()) < 80);
    await page.locator(".vrows").evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.getByRole("link", { name: "weather-10000", exact: true }).waitFor();
  });
});
