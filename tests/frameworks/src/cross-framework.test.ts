import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { RunResult, TaskResult } from "@ag2/eval";
import { type MockOpenAIServer, startMockOpenAI, weatherScript } from "@ag2/mock-openai";
import { EXPECTED_TOKENS, expectedEvents } from "./conversation.js";
import type { FrameworkRow } from "./framework-row.js";
import { loadRows } from "./load-rows.js";
import { type RowRun, regradeDirectory, regradeOtlpFile, runRow } from "./run-row.js";
import { summarizeTrace } from "./trace-summary.js";

const rows = await loadRows();
const BASELINE = "ag2 Agent";

/** Per task id: what a reader of the run relies on (feedback, summarized trace, tokens). */
function graded(result: RunResult) {
  return Object.fromEntries(
    result.tasks.map((task: TaskResult) => [
      task.task.taskId,
      { feedback: task.feedback, events: summarizeTrace(task.trace), tokens: task.trace.tokens },
    ]),
  );
}

describe("one scripted conversation through every framework", () => {
  let server: MockOpenAIServer;
  let folder: string;
  const runs = new Map<string, Promise<RowRun>>();
  const runOf = (row: FrameworkRow): Promise<RowRun> => {
    let run = runs.get(row.name);
    if (!run) {
      run = runRow(row, { baseURL: server.baseURL, model: "mock-gpt" });
      runs.set(row.name, run);
    }
    return run;
  };

  before(async () => {
    server = await startMockOpenAI({ script: weatherScript() });
    folder = await mkdtemp(join(tmpdir(), "frameworks-"));
  });
  after(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("has the baseline row and at least one framework", () => {
    assert.ok(rows.some((row) => row.name === BASELINE));
    assert.ok(rows.length >= 2);
  });

  for (const row of rows) {
    describe(row.name, () => {
      it("records the tool call with its arguments, its result text and the final answer", async () => {
        const { result } = await runOf(row);
        for (const task of result.tasks) {
          assert.equal(task.trace.exception, null, JSON.stringify(task.trace.exception));
          const city = String(task.task.referenceOutputs?.city);
          assert.deepEqual(summarizeTrace(task.trace), expectedEvents(city));
        }
      });

      it("totals each model call's tokens once", async () => {
        const { result } = await runOf(row);
        for (const task of result.tasks) {
          const { input, output } = EXPECTED_TOKENS;
          assert.deepEqual(task.trace.tokens, {
            input,
            output,
            cacheCreation: 0,
            cacheRead: 0,
            total: input + output,
          });
        }
      });

      it("passes every scorer, with the feedback the ag2 Agent gets", async () => {
        const { result } = await runOf(row);
        assert.deepEqual(result.warnings, []);
        for (const [key, rate] of Object.entries(result.aggregates.passRate)) {
          assert.equal(rate, 1, `${key}: ${JSON.stringify(result.tasks.map((t) => t.feedback))}`);
        }
        const baseline = rows.find((candidate) => candidate.name === BASELINE);
        assert.ok(baseline);
        const expected = graded((await runOf(baseline)).result);
        const actual = graded(result);
        for (const taskId of Object.keys(expected)) {
          assert.deepEqual(actual[taskId]?.feedback, expected[taskId]?.feedback, taskId);
        }
      });

      it("regrades its exported spans from a directory to the live feedback and trace", async () => {
        const run = await runOf(row);
        const regraded = await regradeDirectory(row, run, join(folder, slug(row), "traces"));
        assert.deepEqual(graded(regraded), graded(run.result));
      });

      it("regrades its exported spans from an OTLP file to the live feedback and trace", async () => {
        const run = await runOf(row);
        const regraded = await regradeOtlpFile(row, run, join(folder, slug(row), "otlp"));
        assert.deepEqual(graded(regraded), graded(run.result));
      });
    });
  }
});

function slug(row: FrameworkRow): string {
  return row.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
