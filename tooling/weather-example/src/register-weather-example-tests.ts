import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { test } from "node:test";
import type { RunResult } from "@ag2/eval";

/** How {@link registerWeatherExampleTests} reaches one framework example. */
export interface WeatherExampleUnderTest {
  /** The compiled `main.js` of the example, run as its one command. */
  readonly mainPath: string;
  /** The example's `runExample`. */
  run(): Promise<RunResult>;
  /** Which spans the grading reads, for the test's title. */
  readonly spans: string;
}

/**
 * Registers the tests every framework example passes: its command runs offline and passes
 * every task with the scripted token counts, and each city is graded from the framework's
 * spans (tool called with the city, no errors, the exact answer, no warnings).
 *
 * @example
 * ```ts
 * registerWeatherExampleTests({ mainPath: MAIN, run: runExample, spans: "the SDK's spans" });
 * ```
 */
export function registerWeatherExampleTests(example: WeatherExampleUnderTest): void {
  test("the example's one command runs offline and passes every task", async () => {
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile(process.execPath, [example.mainPath], (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${err}`)) : resolve({ stdout: out }),
      ),
    );
    assert.match(stdout, /final_answer_matches\D+100/);
    assert.match(stdout, /tokens: 468\b/, "3 cities × (52+9 + 81+14), each call once");
  });

  test(`every city is graded from ${example.spans}: tool called, no errors, the exact answer`, async () => {
    const result = await example.run();
    assert.equal(result.tasks.length, 3);
    for (const key of ["tool_called[get_weather]", "no_tool_errors", "final_answer_matches"]) {
      assert.equal(result.passRate(key), 1, key);
    }
    const lima = result.tasks.find((task) => task.task.taskId === "lima");
    assert.deepEqual(
      lima?.trace.eventsOf("ToolCallEvent").map((call) => [call.name, JSON.parse(call.arguments)]),
      [["get_weather", { city: "Lima" }]],
    );
    assert.deepEqual(result.warnings, []);
  });
}
