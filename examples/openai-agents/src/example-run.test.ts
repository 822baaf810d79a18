import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runExample } from "./run-example.js";

const MAIN = fileURLToPath(new URL("./main.js", import.meta.url));

test("the example's one command runs offline and passes every task", async () => {
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
    execFile(process.execPath, [MAIN], (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve({ stdout: out }),
    ),
  );
  assert.match(stdout, /final_answer_matches\D+100/);
  assert.match(stdout, /tokens: 468\b/, "3 cities × (52+9 + 81+14), each call once");
});

test("every city is graded from the SDK's spans: tool called, no errors, the exact answer", async () => {
  const result = await runExample();
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
