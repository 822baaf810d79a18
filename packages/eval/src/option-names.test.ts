import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  evaluatePairwise,
  evaluateTraces,
  eventTracing,
  InMemoryTraceSource,
  runAgent,
  runPairwise,
  runVariants,
} from "./index.js";

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-eval-option-names-"));
});
after(() => rm(root, { recursive: true, force: true }));

const TASKS = [{ task_id: "a", inputs: { input: "hi" } }];
const source = () => new InMemoryTraceSource([]);

/** Counts asks, so a test can show nothing ran before the refusal. */
function countedAgent() {
  const agent = {
    name: "echo",
    asked: 0,
    async ask(input: string) {
      agent.asked++;
      return input;
    },
  };
  return agent;
}

async function refuses(work: () => Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(work, (error: Error & { option?: string }) => {
    assert.equal(error.name, "InvalidOptionError");
    assert.match(error.message, message);
    return true;
  });
  assert.deepEqual(await readdir(root), [], "nothing was saved");
}

describe("every entry point refuses an option name it does not know", () => {
  it("runAgent: storedir → storeDir, timeout → taskTimeoutMs, before any task runs", async () => {
    const agent = countedAgent();
    const base = { agent, scorers: [], tracing: eventTracing() };
    await refuses(
      () => runAgent(TASKS, { ...base, storedir: root } as never),
      /runAgent: unknown option 'storedir'; did you mean 'storeDir'\?/,
    );
    await refuses(
      () => runAgent(TASKS, { ...base, timeout: 500 } as never),
      /runAgent: unknown option 'timeout'; did you mean 'taskTimeoutMs'\?/,
    );
    assert.equal(agent.asked, 0);
  });

  it("a name far from every known one lists the names taken", async () => {
    await refuses(
      () => evaluateTraces(source(), { scorers: [], xyzzy: 1 } as never),
      /evaluateTraces: unknown option 'xyzzy'; it takes scorers, store, .*storeDir/,
    );
  });

  it("runVariants, runPairwise and evaluatePairwise", async () => {
    const agent = countedAgent();
    await refuses(
      () =>
        runVariants(TASKS, {
          variants: { one: agent },
          scorers: [],
          tracing: eventTracing(),
          storedir: root,
        } as never),
      /runVariants: unknown option 'storedir'; did you mean 'storeDir'\?/,
    );
    await refuses(
      () =>
        runPairwise(TASKS, {
          variantA: agent,
          variantB: agent,
          comparators: [],
          tracing: eventTracing(),
          variantAname: "old",
        } as never),
      /runPairwise: unknown option 'variantAname'; did you mean 'variantAName'\?/,
    );
    await refuses(
      () => evaluatePairwise(source(), source(), { comparators: [], comparator: [] } as never),
      /evaluatePairwise: unknown option 'comparator'; did you mean 'comparators'\?/,
    );
    assert.equal(agent.asked, 0);
  });

  it("every documented option is still accepted", async () => {
    const result = await runAgent(TASKS, {
      agent: countedAgent(),
      scorers: [],
      storeDir: join(root, "runs"),
      taskTimeoutMs: 5000,
      concurrency: 1,
      label: "ok",
    });
    assert.equal(result.tasks.length, 1);
    await rm(join(root, "runs"), { recursive: true, force: true });
  });
});
