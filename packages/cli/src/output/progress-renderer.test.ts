import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { colors } from "../terminal/colors.js";
import { createProgressRenderer, progressMode } from "./progress-renderer.js";

const plainColors = colors({ isTTY: false, env: {} });
const feedback = (...scores: boolean[]) => scores.map((score) => ({ key: "ok", score }));

describe("progress", () => {
  test("mode: live on a terminal, plain without a TTY or under CI, off with --json", () => {
    assert.equal(progressMode({ isTTY: true, env: {}, json: false }), "live");
    assert.equal(progressMode({ isTTY: false, env: {}, json: false }), "plain");
    assert.equal(progressMode({ isTTY: true, env: { CI: "true" }, json: false }), "plain");
    assert.equal(progressMode({ isTTY: true, env: { CI: "false" }, json: false }), "live");
    assert.equal(progressMode({ isTTY: true, env: {}, json: true }), "off");
  });

  test("live: one rewritten line with done/total, pass rate, errors, elapsed and ETA", () => {
    let now = 1_000;
    const output: string[] = [];
    const progress = createProgressRenderer({
      mode: "live",
      write: (text) => output.push(text),
      colors: plainColors,
      now: () => now,
      refreshMs: 0,
    });
    progress.handle({ type: "EvalStarted", total: 4, suite: "s", label: null });
    now += 2_000;
    progress.handle({
      type: "TaskEvaluated",
      taskId: "a",
      feedback: feedback(true, false),
      variant: null,
    });
    assert.equal(output.at(-1), "\r\u001b[2K1/4 tasks · pass 50.0% · 0 errors · 2.0s · ETA 6.0s");
    now += 2_000;
    progress.handle({
      type: "TaskEvaluated",
      taskId: "b",
      feedback: feedback(true, true),
      variant: null,
      error: { type: "TimeoutError", message: "slow" },
    });
    assert.equal(output.at(-1), "\r\u001b[2K2/4 tasks · pass 75.0% · 1 error · 4.0s · ETA 4.0s");
    // a burst of tasks within one frame repaints once, not once per task
    const frames = output.length;
    now += 10;
    progress.handle({
      type: "TaskEvaluated",
      taskId: "c",
      feedback: feedback(true),
      variant: null,
    });
    progress.handle({
      type: "TaskEvaluated",
      taskId: "d",
      feedback: feedback(true),
      variant: null,
    });
    assert.equal(output.length, frames);
    assert.ok(
      output.every((text) => !text.includes("\n")),
      "nothing scrolls while running",
    );
    progress.stop();
    assert.equal(output.at(-1), "\r\u001b[2K4/4 tasks · pass 83.3% · 1 error · 4.0s\n");
  });

  test("plain: the console reporter's line per task; colors follow NO_COLOR", () => {
    const output: string[] = [];
    const progress = createProgressRenderer({
      mode: "plain",
      write: (text) => output.push(text),
      colors: plainColors,
    });
    progress.handle({
      type: "EvalStarted",
      total: 1,
      suite: "weather",
      label: "ci",
      runId: "r",
      createdAt: 0,
    } as never);
    progress.handle({
      type: "TaskEvaluated",
      taskId: "a",
      feedback: feedback(true, false),
      variant: "v1",
      label: "ci",
    } as never);
    progress.stop();
    assert.deepEqual(output, [
      "[ci] running 1 task-run(s) over 'weather'...\n",
      "    [v1] a: 1/2 passed\n",
    ]);
    assert.equal(colors({ isTTY: true, env: {} }).red("x"), "\u001b[31mx\u001b[39m");
    assert.equal(colors({ isTTY: true, env: { NO_COLOR: "1" } }).red("x"), "x");
  });
});
