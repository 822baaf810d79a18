import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  appendFile,
  mkdir,
  mkdtemp,
  open,
  readFile,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type JournalHeader, taskResultToJSON } from "@ag2/eval-core/internal";
import { makeRun } from "./__fixtures__/make-run.js";
import { fsRunStore } from "./fs-run-store.js";
import { JournalFileError } from "./journal-file-error.js";

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-journal-"));
});
after(() => rm(root, { recursive: true, force: true }));

function headerFor(runId: string, size: number): JournalHeader {
  return {
    runId,
    label: "l",
    createdAt: "2026-11-26T10:30:00.123000+00:00",
    target: "Agent",
    concurrency: 4,
    suite: { name: "s", source: "memory", size },
    taskIds: Array.from({ length: size }, (_, i) => `t${i}`),
  };
}

let counter = 0;
function freshStore() {
  counter++;
  const dir = join(root, `case-${counter}`);
  return { dir, store: fsRunStore(dir) };
}

describe("run journal", () => {
  it("records the header then one line per task, and reads them back", async () => {
    const { dir, store } = freshStore();
    const run = makeRun({ runId: "j1", size: 5 });
    const journal = await store.openJournal(headerFor("j1", 5));
    for (const result of run.tasks.slice(0, 3)) await journal.append(result);
    const lines = (await readFile(join(dir, "j1.journal.jsonl"), "utf8")).split("\n");
    assert.equal(lines.length, 5); // header, 3 tasks, trailing newline
    assert.equal(JSON.parse(lines[0] ?? "").journal, "ag2-eval.journal/1");
    const contents = await store.readJournal("j1");
    assert.deepEqual(contents?.header, headerFor("j1", 5));
    assert.deepEqual(
      contents?.results.map(taskResultToJSON),
      run.tasks.slice(0, 3).map(taskResultToJSON),
    );
    await journal.close();
    await assert.rejects(journal.append(run.tasks[3] ?? assert.fail()), JournalFileError);
  });

  it("keeps the scorer keys of the header; a header without them reads back without them", async () => {
    const { dir, store } = freshStore();
    const header = { ...headerFor("js", 2), scorers: ["exact", "latency"] };
    await (await store.openJournal(header)).close();
    const first = (await readFile(join(dir, "js.journal.jsonl"), "utf8")).split("\n")[0] ?? "";
    assert.deepEqual(JSON.parse(first).scorers, ["exact", "latency"]);
    assert.deepEqual((await store.readJournal("js"))?.header, header);
    await (await store.openJournal(headerFor("old", 2))).close();
    assert.equal((await store.readJournal("old"))?.header.scorers, undefined);
  });

  it("reads null when there is no journal, and discards one", async () => {
    const { store } = freshStore();
    assert.equal(await store.readJournal("none"), null);
    const journal = await store.openJournal(headerFor("gone", 1));
    await journal.close();
    assert.notEqual(await store.readJournal("gone"), null);
    await store.discardJournal("gone");
    assert.equal(await store.readJournal("gone"), null);
    await store.discardJournal("gone");
  });

  it("keeps every line whole when appends race", async () => {
    const { store } = freshStore();
    const run = makeRun({ runId: "race", size: 60, padding: 5_000 });
    const journal = await store.openJournal(headerFor("race", 60));
    await Promise.all(run.tasks.map((result) => journal.append(result)));
    await journal.close();
    const contents = await store.readJournal("race");
    assert.deepEqual(
      contents?.results.map((result) => result.task.taskId).sort(),
      run.tasks.map((result) => result.task.taskId).sort(),
    );
  });

  it("batches racing appends yet resolves each only once its line is on disk, in order", async () => {
    const { dir, store } = freshStore();
    const run = makeRun({ runId: "group", size: 200 });
    const journal = await store.openJournal(headerFor("group", 200));
    const path = join(dir, "group.journal.jsonl");
    const missingAtResolve: string[] = [];
    await Promise.all(
      run.tasks.map((result) =>
        journal.append(result).then(() => {
          const text = readFileSync(path, "utf8");
          if (!text.includes(JSON.stringify(taskResultToJSON(result))))
            missingAtResolve.push(result.task.taskId);
        }),
      ),
    );
    await journal.close();
    assert.deepEqual(missingAtResolve, []);
    const contents = await store.readJournal("group");
    assert.deepEqual(
      contents?.results.map((result) => result.task.taskId),
      run.tasks.map((result) => result.task.taskId),
    );
  });

  it("fails only the append whose result cannot be written; its batch still lands", async () => {
    const { store } = freshStore();
    const run = makeRun({ runId: "bigint", size: 3 });
    const [first, second, third] = run.tasks;
    assert.ok(first && second && third);
    const broken = { ...second, feedback: [{ key: "k", score: 1, detail: { n: 10n } }] };
    const journal = await store.openJournal(headerFor("bigint", 3));
    const outcomes = await Promise.allSettled([
      journal.append(first),
      journal.append(broken),
      journal.append(third),
    ]);
    await journal.close();
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ["fulfilled", "rejected", "fulfilled"],
    );
    const contents = await store.readJournal("bigint");
    assert.deepEqual(
      contents?.results.map((result) => result.task.taskId),
      ["t0", "t2"],
    );
  });

  it("ignores a torn last line, as a crash mid-write leaves it, and appends after it cleanly", async () => {
    const { dir, store } = freshStore();
    const run = makeRun({ runId: "torn", size: 4 });
    const journal = await store.openJournal(headerFor("torn", 4));
    await journal.append(run.tasks[0] ?? assert.fail());
    await journal.append(run.tasks[1] ?? assert.fail());
    await journal.close();
    const path = join(dir, "torn.journal.jsonl");
    const line = JSON.stringify(taskResultToJSON(run.tasks[2] ?? assert.fail()));
    await appendFile(path, line.slice(0, line.length - 7));
    const read = await store.readJournal("torn");
    assert.deepEqual(
      read?.results.map((result) => result.task.taskId),
      ["t0", "t1"],
    );
    // Resuming continues the same journal (same header) after cutting the torn tail.
    const resumed = await store.openJournal(headerFor("torn", 4));
    await resumed.append(run.tasks[2] ?? assert.fail());
    await resumed.close();
    const after = await store.readJournal("torn");
    assert.deepEqual(
      after?.results.map((result) => result.task.taskId),
      ["t0", "t1", "t2"],
    );
  });

  it("a resume with another invocation rewrites the header of an old journal, keeping its whole task lines", async () => {
    const { dir, store } = freshStore();
    const run = makeRun({ runId: "inv", size: 4 });
    // written as an ag2-eval without recorded invocations wrote it
    const old = await store.openJournal(headerFor("inv", 4));
    await old.append(run.tasks[0] ?? assert.fail());
    await old.append(run.tasks[1] ?? assert.fail());
    await old.close();
    const path = join(dir, "inv.journal.jsonl");
    const line = JSON.stringify(taskResultToJSON(run.tasks[2] ?? assert.fail()));
    await appendFile(path, line.slice(0, 20));
    const invocation = { command: "run", suite: "/s.jsonl", flags: { concurrency: "3" } };
    const resumed = await store.openJournal({ ...headerFor("inv", 4), invocation });
    await resumed.append(run.tasks[2] ?? assert.fail());
    await resumed.close();
    const lines = (await readFile(path, "utf8")).split("\n");
    assert.deepEqual(JSON.parse(lines[0] ?? "").invocation, invocation);
    assert.equal(lines.length, 5, "header, three whole task lines, trailing newline");
    const after = await store.readJournal("inv");
    assert.deepEqual(after?.header, { ...headerFor("inv", 4), invocation });
    assert.deepEqual(
      after?.results.map(taskResultToJSON),
      run.tasks.slice(0, 3).map(taskResultToJSON),
    );
  });

  it("starts over when a journal for other tasks is opened under the same id", async () => {
    const { store } = freshStore();
    const run = makeRun({ runId: "re", size: 3 });
    const first = await store.openJournal(headerFor("re", 3));
    await first.append(run.tasks[0] ?? assert.fail());
    await first.close();
    const second = await store.openJournal(headerFor("re", 2));
    await second.close();
    const contents = await store.readJournal("re");
    assert.equal(contents?.header.taskIds.length, 2);
    assert.deepEqual(contents?.results, []);
  });

  it("starts over when the header line itself was torn (no newline after it)", async () => {
    const { dir, store } = freshStore();
    const run = makeRun({ runId: "bare", size: 2 });
    await (await store.openJournal(headerFor("bare", 2))).close();
    const path = join(dir, "bare.journal.jsonl");
    await writeFile(path, (await readFile(path, "utf8")).trimEnd());
    const resumed = await store.openJournal(headerFor("bare", 2));
    await resumed.append(run.tasks[0] ?? assert.fail());
    await resumed.close();
    const contents = await store.readJournal("bare");
    assert.equal(contents?.header.runId, "bare");
    assert.deepEqual(
      contents?.results.map((result) => result.task.taskId),
      ["t0"],
    );
  });

  it("a damaged line before the last one is an error naming the file and line", async () => {
    const { dir, store } = freshStore();
    const run = makeRun({ runId: "bad", size: 2 });
    const journal = await store.openJournal(headerFor("bad", 2));
    await journal.close();
    const path = join(dir, "bad.journal.jsonl");
    await appendFile(path, "{not json\n");
    await appendFile(path, `${JSON.stringify(taskResultToJSON(run.tasks[0] ?? assert.fail()))}\n`);
    await assert.rejects(store.readJournal("bad"), (error: unknown) => {
      assert.ok(JournalFileError.isInstance(error));
      assert.equal(error.path, path);
      assert.equal(error.line, 2);
      assert.match(error.message, /bad\.journal\.jsonl: line 2/);
      return true;
    });
    await writeFile(path, '{"run_id": "bad"}\n');
    await assert.rejects(store.readJournal("bad"), /line 1: not a journal header/);
  });

  it("a folder where the journal should be is a JournalFileError naming it, not a raw EISDIR", async () => {
    const { dir, store } = freshStore();
    const path = join(dir, "dir.journal.jsonl");
    await mkdir(path, { recursive: true });
    await assert.rejects(store.readJournal("dir"), (error: unknown) => {
      assert.ok(JournalFileError.isInstance(error), String(error));
      assert.equal(error.path, path);
      assert.equal(error.message, `${path}: got a folder; expected a journal file`);
      return true;
    });
  });

  it("a new journal never truncates the one it replaces: a writer still holding it keeps its lines", async () => {
    const { dir, store } = freshStore();
    const run = makeRun({ runId: "own", size: 3 });
    const first = await store.openJournal(headerFor("own", 3));
    await first.append(run.tasks[0] ?? assert.fail());
    await first.close();
    const path = join(dir, "own.journal.jsonl");
    const before = await readFile(path, "utf8");
    const earlier = await open(path, "r");
    const second = await store.openJournal({
      ...headerFor("own", 3),
      createdAt: "2026-12-06T00:00:00.000000+00:00",
    });
    await second.close();
    // the earlier file (still open, as by another writer) is whole, not cut to nothing
    assert.equal(await earlier.readFile("utf8"), before);
    await earlier.close();
    assert.equal(
      (await store.readJournal("own"))?.header.createdAt,
      "2026-12-06T00:00:00.000000+00:00",
    );
  });

  it("discards only the journal it opened, not one another writer put in its place", async () => {
    const { dir, store } = freshStore();
    await (await store.openJournal(headerFor("mine", 1))).close();
    const path = join(dir, "mine.journal.jsonl");
    const theirs = `${JSON.stringify({ journal: "ag2-eval.journal/1", run_id: "mine" })}\n`;
    await writeFile(join(dir, "theirs"), theirs);
    await rename(join(dir, "theirs"), path);
    await store.discardJournal("mine");
    assert.equal(await readFile(path, "utf8"), theirs);
    // a store that opened nothing (a cleanup) removes what is there
    await fsRunStore(dir).discardJournal("mine");
    await assert.rejects(readFile(path), { code: "ENOENT" });
  });
});
