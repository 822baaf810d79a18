import assert from "node:assert/strict";
import type { RunResult } from "@ag2/eval-core";
import { eventLines } from "./event-lines.js";

/**
 * Checks a run of {@link weatherQuestions} for Paris and Oslo on the weather script: each
 * task's trace holds its own conversation (call, result, answer, token counts), the tool
 * call's id is the model's, and the run has no warning.
 *
 * @example
 * ```ts
 * assertWeatherPair(await runOnMock({ agent, suite: weatherQuestions(["Paris", "Oslo"]) }));
 * ```
 */
export function assertWeatherPair(result: RunResult): void {
  const byId = new Map(result.tasks.map((task) => [task.task.taskId, task.trace]));
  const paris = byId.get("paris");
  const oslo = byId.get("oslo");
  assert.ok(paris && oslo, `tasks paris and oslo; got ${[...byId.keys()].join(", ")}`);
  assert.deepEqual(eventLines(paris), [
    'model get_weather{"city":"Paris"} 52/9',
    'call get_weather{"city":"Paris"}',
    "result get_weather sunny, 24°C",
    'model "The weather in Paris: sunny, 24°C." 81/14',
  ]);
  assert.equal(eventLines(oslo)[2], "result get_weather light snow, -3°C");
  const [call] = paris.eventsOf("ToolCallEvent");
  assert.equal(call?.id, "call_weather_paris", "the tool span's call id is the model's");
  assert.deepEqual([paris.tokens.input, paris.tokens.output], [133, 23]);
  assert.deepEqual(result.warnings, []);
}

/**
 * Checks a one-task run whose `get_weather` threw "weather service down": the trace records
 * the call and the tool error (its line matching `errorLine`), the model was told and
 * answered, and the task did not fail, because the framework handled the error.
 *
 * @example
 * ```ts
 * assertToolErrorHandled(result, /^error get_weather weather service down/);
 * ```
 */
export function assertToolErrorHandled(result: RunResult, errorLine: RegExp): void {
  const task = result.tasks[0];
  assert.ok(task, "one task ran");
  const lines = eventLines(task.trace);
  assert.equal(lines[1], 'call get_weather{"city":"Paris"}');
  assert.match(lines[2] ?? "", errorLine);
  assert.match(lines[3] ?? "", /^model ".*weather service down/, "the model was told and answered");
  assert.equal(task.trace.exception, null, "the framework handled it: the task did not fail");
  assert.deepEqual(result.warnings, []);
}
