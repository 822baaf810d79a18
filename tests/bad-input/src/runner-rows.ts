import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  evaluateTraces,
  eventTracing,
  type RunAgentOptions,
  runAgent,
  scorer,
  TempoTraceSource,
} from "@ag2/eval";
import { type BadInputRow, literal, rejectsClearly } from "./bad-input-row.js";

const TASKS = [{ task_id: "a", inputs: { input: "hi" } }];

function options(storeDir: string, overrides: Record<string, unknown>): RunAgentOptions {
  return {
    agent: { name: "echo", ask: async (input: string) => input },
    scorers: [],
    tracing: eventTracing(),
    storeDir,
    ...overrides,
  } as RunAgentOptions;
}

/** A runAgent option the call must refuse before running or saving anything. */
function badOption(option: string, value: unknown, problem: RegExp): BadInputRow {
  return {
    name: `runAgent option ${option} = ${typeof value === "number" ? String(value) : JSON.stringify(value)}`,
    async check({ storeDir }) {
      let asked = 0;
      const agent = {
        name: "counted",
        async ask(input: string) {
          asked++;
          return input;
        },
      };
      const error = await rejectsClearly(
        runAgent(TASKS, options(storeDir, { agent, [option]: value })),
        { name: "InvalidOptionError", message: [problem] },
      );
      assert.equal((error as { option?: string }).option, option.split(".")[0]);
      assert.equal(asked, 0, "nothing ran");
    },
  };
}

/** Bad options of runAgent, bad scorers, and a trace server that fails. */
export const RUNNER_ROWS: readonly BadInputRow[] = [
  badOption(
    "concurrency",
    Number.NaN,
    /option 'concurrency' must be a finite number; got number NaN/,
  ),
  badOption("concurrency", "4", /option 'concurrency' must be a finite number; got "4"/),
  badOption("repeats", 1.5, /option 'repeats' must be an integer; got 1.5/),
  badOption("scorers", "exact", /option 'scorers' must be an iterable of scorers; got "exact"/),
  badOption("scorers", [42], /scorers\[0\] must be a Scorer .*got number 42/),
  badOption("storedir", "runs", /runAgent: unknown option 'storedir'; did you mean 'storeDir'\?/),
  badOption("timeout", 500, /runAgent: unknown option 'timeout'; did you mean 'taskTimeoutMs'\?/),
  badOption("taskTimeoutMs", 0, /option 'taskTimeoutMs' must be a positive number.*got 0/),
  badOption("runId", "../x", /option 'runId' must be .*usable as a file name.*got "\.\.\/x"/),
  badOption("retries", { attempts: 0 }, /'retries.attempts' must be an integer >= 1.*got 0/),
  badOption("runBudget", { maxCostUsd: 2 }, /'runBudget.maxCostUsd' needs 'runBudget.costOf'/),
  {
    name: "tasks without inputs.input",
    async check({ storeDir }) {
      await rejectsClearly(
        runAgent([{ task_id: "q1", inputs: { question: "hi" } }], options(storeDir, {})),
        { name: "InvalidOptionError", message: [/no 'input' key: \['q1'\]/] },
      );
    },
  },
  {
    name: "a scorer returning an object (recorded on its task, the run goes on)",
    async check() {
      const weird = scorer(() => ({ verdict: "good" }) as never, { key: "weird" });
      const result = await runAgent(
        [...TASKS, { task_id: "b", inputs: { input: "x" } }],
        options("", { storeDir: undefined, store: null, scorers: [weird] }),
      );
      assert.equal(result.tasks.length, 2);
      for (const task of result.tasks) {
        assert.equal(task.trace.exception?.type, "ScorerReturnTypeError");
        assert.match(
          task.trace.exception?.message ?? "",
          /scorer 'weird' returned unsupported type Object/,
        );
      }
    },
  },
  {
    name: "a store folder under a regular file",
    async check({ write }) {
      const file = await write("not-a-folder", "x");
      await rejectsClearly(runAgent(TASKS, options(`${file}/runs`, {})), {
        name: "StoreFolderError",
        message: [literal(`${file}/runs`), /cannot create the folder/, /ENOTDIR/],
      });
    },
  },
  {
    name: "a Tempo server answering 500",
    async check() {
      const server = createServer((_request, response) => {
        response.statusCode = 500;
        response.end("ingester unavailable");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const source = new TempoTraceSource(url);
        await rejectsClearly(source.load({ traceId: "abc123" }), {
          name: "TempoRequestError",
          message: [
            literal(`${url}/api/traces/abc123`),
            /got HTTP 500 \(ingester unavailable\), expected 2xx/,
          ],
        });
        await rejectsClearly(evaluateTraces(source, { scorers: [] }), {
          name: "TempoRequestError",
          message: [literal(`${url}/api/search`), /got HTTP 500/],
        });
      } finally {
        server.close();
      }
    },
  },
];
