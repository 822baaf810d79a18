import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

test("--otlp-endpoint sends every task's spans to the collector before exiting", async (t) => {
  const bodies: string[] = [];
  const paths: string[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += String(chunk);
    });
    request.on("end", () => {
      paths.push(request.url ?? "");
      bodies.push(body);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => server.close());
  const { port } = server.address() as AddressInfo;
  const cwd = await tempProject({ "package.json": `{ "type": "module" }` });
  const args = [
    "run",
    "suite.jsonl",
    "--agent",
    "./traced-agent.ts#tracedGood",
    "--scorers",
    "./scorers.mjs",
  ];
  const { code, stderr } = await runCli([...args, "--otlp-endpoint", `http://127.0.0.1:${port}`], {
    cwd,
  });
  assert.equal(code, 0, stderr);
  assert.ok(paths.length >= 1);
  assert.ok(paths.every((path) => path === "/v1/traces"));
  const sent = bodies.join("\n");
  for (const taskId of ["a", "b", "c"]) {
    assert.match(
      sent,
      new RegExp(`"ag2\\.eval\\.task_id","value":\\{"stringValue":"${taskId}"\\}`),
    );
  }
});

test("--timeout aborts a slow task, records it as that task's error, and the run goes on", async () => {
  const slow = `
export default {
  name: "slow",
  ask: (input, { signal }) =>
    input === "world"
      ? new Promise((_, reject) => {
          const pending = setInterval(() => {}, 1000);
          signal.addEventListener("abort", () => { clearInterval(pending); reject(signal.reason); });
        })
      : Promise.resolve(input.toUpperCase()),
};`;
  const cwd = await tempProject({ "slow.mjs": slow });
  const args = [
    "run",
    "suite.jsonl",
    "--agent",
    "./slow.mjs",
    "--scorers",
    "./scorers.mjs",
    "--timeout",
    "0.2",
    "--json",
  ];
  const { code, stdout, stderr } = await runCli(args, { cwd });
  assert.equal(code, 0, stderr);
  const run = JSON.parse(stdout).run;
  const byId = Object.fromEntries(
    run.tasks.map((task: { task_id: string }) => [task.task_id, task]),
  );
  assert.equal(byId.b.exception.type, "TaskTimeoutError");
  assert.equal(byId.a.exception, null);
  assert.equal(run.aggregates.errors, 1);
});
