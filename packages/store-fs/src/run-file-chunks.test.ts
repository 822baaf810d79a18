import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTask, RunResult, Trace } from "@ag2/eval-core";
import { runResultToJsonText, taskResultToJSON } from "@ag2/eval-core/internal";
import { makeRunResult, makeTaskResult } from "@ag2/eval-core/testing";
import { makeRun } from "./__fixtures__/make-run.js";
import { runFileChunks } from "./run-file-chunks.js";

describe("runFileChunks", () => {
  it("pieces together exactly the run file's text, for any batch size", () => {
    const run = makeRun({ runId: "chunks", size: 7, label: "Zürich ✓" });
    const whole = runResultToJsonText(run);
    for (const batch of [1, 3, 7, 100]) {
      const pieces = [...runFileChunks(run, batch)];
      assert.equal(pieces.join(""), whole, `batch ${batch}`);
      assert.equal(
        pieces.length,
        2 + Math.ceil(7 / batch),
        "one piece per batch, plus head and tail",
      );
    }
  });

  it("writes an empty run and a run with non-ASCII task content like the whole-text form", () => {
    const empty = new RunResult({
      runId: "empty",
      tasks: [],
      suite: { name: "s", source: "memory", size: 0 },
      target: "Agent",
      concurrency: 1,
      durationMs: 0,
      createdAt: "2026-11-26T10:30:00.123000+00:00",
    });
    assert.equal([...runFileChunks(empty)].join(""), runResultToJsonText(empty));
    const accented = new RunResult({
      runId: "accents",
      tasks: [
        {
          task: createTask({ taskId: "é", inputs: { input: 'São Paulo\n"quoted"' } }),
          trace: new Trace({
            events: [{ type: "ModelResponse", content: "ok 😀" }],
            durationMs: 1,
          }),
          feedback: [{ key: "k", score: true, detail: { note: "naïve" } }],
          budgetViolation: false,
          budgetViolations: [],
          traceRef: null,
        },
      ],
      suite: { name: "s", source: "memory", size: 1 },
      target: "Agent",
      concurrency: 1,
      durationMs: 0,
      createdAt: "2026-11-26T10:30:00.123000+00:00",
    });
    assert.equal([...runFileChunks(accented, 1)].join(""), runResultToJsonText(accented));
  });

  it("walks no task for the depth limit again: its journal line did, and each task is bounded", () => {
    let listed = 0;
    const input = new Proxy(
      { text: "hi", parts: [1, 2] },
      {
        ownKeys(target) {
          listed++;
          return Reflect.ownKeys(target);
        },
      },
    );
    const task = makeTaskResult({ taskId: "t", inputs: { input } });
    taskResultToJSON(task); // the journal line: the one walk
    listed = 0;
    const text = [...runFileChunks(makeRunResult({ tasks: [task] }))].join("");
    assert.equal(listed, 1, "only JSON.stringify lists the task's values");
    assert.match(text, /"parts": \[\n\s+1,\n\s+2\n\s+\]/);

    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const run = makeRunResult({
      tasks: [makeTaskResult({ taskId: "deep", metadata: { m: deep } })],
    });
    const saved = JSON.parse([...runFileChunks(run)].join(""));
    assert.deepEqual(saved.tasks[0].metadata, {});
    assert.equal(saved.tasks[0].exception.type, "TooDeepError");
  });
});
