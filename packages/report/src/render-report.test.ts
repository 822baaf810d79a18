import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import {
  compareRuns,
  flakiness,
  InvalidOptionError,
  PairwiseRunResult,
  VariantRunResult,
} from "@ag2/eval-core";
import { wilsonInterval } from "@ag2/eval-core/stats";
import { hostileRun, PAYLOADS } from "./hostile-run.test-helper.js";
import { DATA_ELEMENT_ID } from "./html-page.js";
import { renderReport } from "./render-report.js";
import type { ReportData } from "./report-data.js";
import { sampleRun } from "./sample-runs.test-helper.js";

function dataOf(html: string): ReportData {
  const open = `<script type="application/json" id="${DATA_ELEMENT_ID}">`;
  const start = html.indexOf(open) + open.length;
  return JSON.parse(html.slice(start, html.indexOf("</script>", start))) as ReportData;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64");

describe("renderReport", () => {
  const run = sampleRun({ tasks: 30, repeats: 3 });

  it("writes one document whose policy allows only its own inline script and style", () => {
    const html = renderReport({ kind: "run", run });
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /connect-src 'none'/);
    const script = /<script>([\s\S]*)<\/script>\n<\/body>/.exec(html)?.[1] ?? "";
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    assert.ok(script.length > 1000 && style.length > 500);
    assert.ok(policy.includes(`script-src 'sha256-${sha256(script)}'`));
    assert.ok(policy.includes(`style-src 'sha256-${sha256(style)}'`));
    // nothing to load: no external script, style sheet, image or font
    assert.doesNotMatch(html, /<link|\ssrc=|@import|url\(http|https?:\/\/(?!www\.w3\.org)/i);
  });

  it("embeds the run's statistics as core computes them", () => {
    const data = dataOf(renderReport({ kind: "run", run }));
    assert.equal(data.kind, "run");
    const [view] = data.runs;
    assert.ok(view);
    assert.equal(view.tasks.length, 90);
    assert.equal(view.uniqueTasks, 30);
    assert.equal(view.repeats, 3);
    const correct = view.keys.find((k) => k.key === "correct");
    assert.ok(correct?.kind === "pass-rate");
    assert.equal(correct.rate, run.passRate("correct"));
    assert.deepEqual(correct.ci, [...wilsonInterval(run.passRate("correct"), 90)]);
    const relevance = view.keys.find((k) => k.key === "relevance");
    assert.ok(relevance?.kind === "numeric");
    assert.equal(relevance.mean, run.scoreStats("relevance").mean);
    assert.deepEqual(view.flakiness, flakiness(run).keys);
    assert.deepEqual(view.flakyTasks, flakiness(run).flaky);
    const europe = view.tags.find((t) => t.tag === "europe");
    assert.equal(europe?.keys.find((k) => k.key === "correct")?.kind, "pass-rate");
    assert.deepEqual(view.groups[0], { id: "weather-0001", tasks: [0, 1, 2] });
  });

  it("embeds compareRuns' verdicts and the flipped tasks", () => {
    const baseline = sampleRun({ runId: "base", tasks: 60, skill: 0.95, seed: 3 });
    const current = sampleRun({ runId: "cur", tasks: 60, skill: 0.4, seed: 4 });
    const data = dataOf(
      renderReport({ kind: "compare", baseline, current }, { compare: { seed: 5 } }),
    );
    const expected = compareRuns(baseline, current, { seed: 5 });
    assert.equal(data.kind, "compare");
    assert.deepEqual(
      data.comparison?.keys.map((k) => [k.key, k.verdict, k.difference, k.ci, k.pValue]),
      expected.keys.map((k) => [k.key, k.verdict, k.difference, [...k.ci], k.pValue]),
    );
    assert.equal(data.comparison?.keys.find((k) => k.key === "correct")?.verdict, "regression");
    const diff = current.diff(baseline, { strict: false });
    assert.equal(
      data.comparison?.flips.length,
      diff.flippedToFail.length + diff.flippedToPass.length,
    );
    assert.deepEqual(
      data.runs.map((r) => r.runId),
      ["base", "cur"],
    );
  });

  it("sums the cost of each trace when given a price", () => {
    const data = dataOf(
      renderReport({ kind: "run", run }, { costOf: (trace) => trace.tokens.total * 1e-7 }),
    );
    const expected = run.tasks.reduce((sum, t) => sum + t.trace.tokens.total * 1e-7, 0);
    assert.ok(Math.abs((data.runs[0]?.costUsd ?? 0) - expected) < 1e-12);
    assert.equal(dataOf(renderReport({ kind: "run", run })).runs[0]?.costUsd, null);
  });

  it("ranks a variants sweep with Wilson intervals", () => {
    const sweep = new VariantRunResult({
      runId: "sweep",
      axis: "model",
      results: new Map([
        ["small", sampleRun({ runId: "s", skill: 0.5 })],
        ["large", sampleRun({ runId: "l", skill: 0.95, seed: 2 })],
      ]),
      createdAt: "2026-12-01T09:00:00.000000+00:00",
      durationMs: 10,
    });
    const data = dataOf(renderReport({ kind: "variants", sweep }));
    const board = data.variants?.leaderboards.find((b) => b.key === "correct");
    assert.deepEqual(
      board?.rows.map((r) => r.variant),
      sweep.leaderboard("correct").map((r) => r.variant),
    );
    const top = board?.rows[0];
    assert.deepEqual(top?.ci, [...wilsonInterval(top?.score ?? 0, top?.n ?? 0)]);
    assert.equal(data.runs[top?.runIndex ?? -1]?.variant, top?.variant);
  });

  it("shows a pairwise run's win rates as core gives them", () => {
    const result = new PairwiseRunResult({
      runId: "pw",
      createdAt: "2026-12-01T09:00:00.000000+00:00",
      durationMs: 5,
      variantA: "old",
      variantB: "new",
      nPairs: 3,
      keys: ["helpful"],
      cases: ["t1", "t2", "t3"].map((taskId, i) => ({
        taskId,
        key: "helpful",
        winner: i === 0 ? "a" : "b",
        reasoning: "because",
        detail: {},
      })),
    });
    const data = dataOf(renderReport({ kind: "pairwise", result }));
    const rate = result.winRate("helpful");
    assert.deepEqual(data.pairwise?.winRates[0]?.ci, [...rate.ci]);
    assert.equal(data.pairwise?.winRates[0]?.rate, rate.rate);
    assert.equal(data.pairwise?.cases.length, 3);
  });

  it("keeps hostile text inside the data element", () => {
    const html = renderReport({ kind: "run", run: hostileRun() });
    // the data element, then the app's: no payload opened or closed another one
    assert.equal(html.match(/<script/gi)?.length, 2);
    assert.equal(html.match(/<\/script/gi)?.length, 2);
    assert.equal(html.match(/<!--/g), null);
    const data = dataOf(html);
    assert.equal(data.runs[0]?.label, PAYLOADS[0]);
    assert.equal(data.runs[0]?.tasks[1]?.task_id, `${PAYLOADS[1]}-1`);
    const titled = renderReport({ kind: "run", run: hostileRun() }, { title: PAYLOADS[1] });
    assert.match(titled, /<title>&#60;\/script&#62;&#60;script&#62;window.__pwned=2;/);
  });

  it("rejects input that is not a run, naming the field", () => {
    assert.throws(
      () => renderReport({ kind: "run", run: {} as never }),
      (error: unknown) =>
        InvalidOptionError.isInstance(error) &&
        error.option === "run" &&
        /got Object/.test(error.message),
    );
    assert.throws(
      () => renderReport({ kind: "runs", runs: [] }),
      /at least one RunResult; got none/,
    );
    assert.throws(
      () => renderReport({ kind: "nope" } as never),
      /'kind' must be one of .*got "nope"/,
    );
  });
});
