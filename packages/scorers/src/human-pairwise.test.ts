import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, describe, it } from "node:test";
import { createTask, InMemoryTraceSource, Suite, Trace } from "@ag2/eval-core";
import { exportPairwiseCases } from "./export-pairwise-cases.js";
import { HumanLabelsError, humanLabels } from "./human-labels.js";
import { HumanInputClosedError, humanPairwise } from "./human-pairwise.js";
import { answer } from "./internal/context.test-helper.js";

const task = createTask({ taskId: "t1", inputs: { input: "Q?" } });
const traceA = new Trace({ events: [answer("from A")] });
const traceB = new Trace({ events: [answer("from B")] });
const pair = { task, traceA, traceB, referenceOutputs: null };

describe("humanPairwise", () => {
  it("de-blinds the person's choice, whichever order was shown", async () => {
    const shown: string[][] = [];
    const human = humanPairwise({
      key: "human",
      seed: 1,
      ask: async (_task, r1, r2) => {
        shown.push([r1, r2]);
        return r1 === "from B" ? "1" : "2"; // always prefers B
      },
    });
    for (let i = 0; i < 8; i++) {
      const outcome = await human.compare(pair);
      assert.equal(outcome.winner, "b");
      assert.equal(outcome.reasoning, "human (inline)");
      const first = outcome.detail?.first_variant;
      assert.equal(shown[i]?.[0], first === "a" ? "from A" : "from B");
    }
    const orders = new Set(shown.map((s) => s[0]));
    assert.equal(orders.size, 2, "both orders occur over 8 cases");
  });

  it("a seed repeats the blinding order; anything but 1/2 is a tie", async () => {
    const orderOf = async (seed: number) => {
      const human = humanPairwise({ key: "h", seed, ask: () => "meh" });
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const o = await human.compare(pair);
        assert.equal(o.winner, "tie");
        out.push(o.detail?.first_variant);
      }
      return out;
    };
    assert.deepEqual(await orderOf(42), await orderOf(42));
  });
});

describe("humanPairwise on a terminal", () => {
  function terminal() {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (chunk: Buffer) => {
      shown += chunk.toString("utf8");
    });
    return { input, output, shown: () => shown };
  }

  it("shows the task and both answers, and reads the person's choice", async () => {
    const io = terminal();
    const human = humanPairwise({ key: "human", seed: 3, terminal: io });
    const pending = human.compare(pair);
    // readline has printed the prompt by the time the answer arrives
    await new Promise((resolve) => setImmediate(resolve));
    io.input.write("1\n");
    const outcome = await pending;
    const first = outcome.detail?.first_variant;
    const [one, two] = first === "a" ? ["from A", "from B"] : ["from B", "from A"];
    assert.equal(io.shown(), `Task: Q?\n[1] ${one}\n[2] ${two}\nBetter (1/2/tie): `);
    assert.equal(outcome.winner, first);
    assert.equal(outcome.detail?.preferred, "1");
  });

  it("an empty answer is a tie", async () => {
    const io = terminal();
    const pending = humanPairwise({ key: "human", terminal: io }).compare(pair);
    await new Promise((resolve) => setImmediate(resolve));
    io.input.write("\n");
    const outcome = await pending;
    assert.equal(outcome.winner, "tie");
    assert.equal(outcome.detail?.preferred, "tie");
  });

  it("answers piped ahead are read one per question; once they run out, a clear error", async () => {
    const io = terminal();
    io.input.end("1\n2\n");
    const human = humanPairwise({ key: "human", seed: 5, terminal: io });
    const first = await human.compare(pair);
    const second = await human.compare(pair);
    assert.deepEqual([first.detail?.preferred, second.detail?.preferred], ["1", "2"]);
    await assert.rejects(Promise.resolve(human.compare(pair)), (error: unknown) =>
      HumanInputClosedError.isInstance(error),
    );
  });

  it("a process that asked on its stdin exits once done, though stdin is still open", async () => {
    const { spawn } = await import("node:child_process");
    const module = new URL("./human-pairwise.js", import.meta.url).href;
    const core = import.meta.resolve("@ag2/eval-core");
    const script = `
      const { humanPairwise } = await import(${JSON.stringify(module)});
      const { createTask, Trace } = await import(${JSON.stringify(core)});
      const answer = (content) => ({ type: "ModelResponse", content });
      const outcome = await humanPairwise({ key: "h" }).compare({
        task: createTask({ taskId: "t1", inputs: { input: "Q?" } }),
        traceA: new Trace({ events: [answer("A")] }),
        traceB: new Trace({ events: [answer("B")] }),
        referenceOutputs: null,
      });
      console.log(outcome.detail.preferred);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.stdin.write("2\n"); // and never end it
    const code = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error("the child kept running on an open stdin"));
      }, 10_000);
      child.on("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    child.stdin.destroy();
    assert.equal(code, 0);
    assert.match(out, /Better \(1\/2\/tie\): 2\n$/);
  });

  it("input that ends before an answer rejects instead of waiting forever", async () => {
    const io = terminal();
    const pending = humanPairwise({ key: "human", terminal: io }).compare(pair);
    await new Promise((resolve) => setImmediate(resolve));
    io.input.end();
    await assert.rejects(Promise.resolve(pending), (error: unknown) => {
      assert.ok(HumanInputClosedError.isInstance(error));
      assert.match((error as Error).message, /input ended before an answer for task t1/);
      return true;
    });
  });
});

describe("exportPairwiseCases + humanLabels", () => {
  const dir = mkdtemp(join(tmpdir(), "scorers-human-"));
  after(async () => rm(await dir, { recursive: true, force: true }));
  const sourceA = new InMemoryTraceSource([
    [{ traceId: "a1", taskId: "t1" }, traceA],
    [{ traceId: "a2", taskId: "t2" }, new Trace()],
    [{ traceId: "a3", taskId: "only-a" }, traceA],
  ]);
  const sourceB = new InMemoryTraceSource([
    [{ traceId: "b1", taskId: "t1" }, traceB],
    [{ traceId: "b2", taskId: "t2" }, traceB],
  ]);

  it("writes one blinded line per (pair, criterion), sharing the order across criteria", async () => {
    const suite = Suite.fromList([
      { task_id: "t1", inputs: { input: "Q?" } },
      { task_id: "t2", inputs: { input: "R?" } },
    ]);
    const out = join(await dir, "nested", "cases.jsonl");
    const written = await exportPairwiseCases(sourceA, sourceB, {
      criteria: ["helpful", "short"],
      out,
      suite,
      seed: 3,
    });
    assert.equal(written, out);
    const rows = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      rows.map((r) => r.case_id),
      ["t1::helpful", "t1::short", "t2::helpful", "t2::short"],
    );
    assert.equal(rows[0].first_variant, rows[1].first_variant);
    assert.equal(rows[0].task_input, "Q?");
    for (const row of rows) {
      const [a, b] = row.task_id === "t1" ? ["from A", "from B"] : ["(no answer)", "from B"];
      assert.deepEqual(
        [row.response_1, row.response_2],
        row.first_variant === "a" ? [a, b] : [b, a],
      );
    }
    const raw = await readFile(out, "utf8");
    assert.ok(
      raw.startsWith('{"case_id": "t1::helpful", "task_id": "t1"'),
      "Python json.dumps separators",
    );
  });

  it("without a suite task_input is null; labels read back and de-blind", async () => {
    const out = join(await dir, "cases.jsonl");
    await exportPairwiseCases(sourceA, sourceB, { criteria: ["helpful"], out });
    const rows = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    assert.equal(rows[0].task_input, null);
    // A person preferred B's answer on t1 (whichever position it was shown in).
    const labelled = rows.map((r) =>
      r.task_id === "t1" ? { ...r, preferred: r.response_1 === "from B" ? "1" : "2" } : r,
    );
    labelled.push({ task_id: "t1", criterion: "other", preferred: "1", first_variant: "a" });
    await writeFile(out, labelled.map((r) => JSON.stringify(r)).join("\n"));
    const labels = humanLabels(out, { criterion: "helpful", key: "human" });
    const t1 = await labels.compare(pair);
    assert.equal(t1.winner, "b");
    assert.equal(t1.reasoning, "human label");
    const t2 = await labels.compare({ ...pair, task: createTask({ taskId: "t2", inputs: {} }) });
    assert.deepEqual(t2, { winner: "tie", reasoning: "no human label", detail: { missing: true } });
  });

  it("the last line for a task wins; a broken line names file and line", async () => {
    const path = join(await dir, "labels.jsonl");
    await writeFile(
      path,
      '{"task_id":"t1","criterion":"c","preferred":"1","first_variant":"b"}\n{"task_id":"t1","criterion":"c","preferred":"1"}\n',
    );
    assert.equal((await humanLabels(path, { criterion: "c", key: "h" }).compare(pair)).winner, "a");
    await writeFile(path, '{"task_id":"t1","criterion":"c","preferred":"1"}\n{oops\n');
    await assert.rejects(
      async () => humanLabels(path, { criterion: "c", key: "h" }).compare(pair),
      (error: Error) => error.message.startsWith(`${path}:2: got invalid JSON`),
    );
  });

  it("a missing labels file is a HumanLabelsError naming the path and the expected manifest", async () => {
    const path = join(await dir, "never-written.jsonl");
    await assert.rejects(
      async () => humanLabels(path, { criterion: "c", key: "h" }).compare(pair),
      (error: Error) => {
        assert.ok(error instanceof HumanLabelsError);
        assert.equal(error.path, path);
        assert.equal(error.line, null);
        assert.equal(
          error.message,
          `${path}: got no such file, expected a JSONL file written by exportPairwiseCases with "preferred" filled in on each labelled line`,
        );
        return true;
      },
    );
  });
});
