import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { JournalHeader } from "@ag2/eval-core/internal";
import { fsRunStore } from "./fs-run-store.js";
import { JournalFileError } from "./journal-file-error.js";
import { headerFromJSON, headerProblem, headerToJSON, JOURNAL_FORMAT } from "./journal-header.js";

const header: JournalHeader = {
  runId: "r1",
  label: null,
  createdAt: "2026-11-26T10:30:00.123000+00:00",
  target: "Agent",
  concurrency: 4,
  suite: { name: "s", source: "suite.json", size: 2 },
  taskIds: ["a", "b"],
  scorers: ["exact"],
};
const good = () => JSON.parse(JSON.stringify(headerToJSON(header)));

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-journal-header-"));
});
after(() => rm(root, { recursive: true, force: true }));

describe("journal header", () => {
  it("round-trips, with or without scorer keys, ignoring keys it does not know", () => {
    assert.equal(headerProblem(good()), undefined);
    assert.deepEqual(headerFromJSON(good()), header);
    const { scorers: _, ...older } = header;
    assert.deepEqual(headerFromJSON(JSON.parse(JSON.stringify(headerToJSON(older)))), older);
    const later = { ...good(), resumed_from: "x", suite: { ...good().suite, hash: "h" } };
    assert.equal(headerProblem(later), undefined);
    assert.deepEqual(headerFromJSON(later), header);
  });

  it("keeps the caller's invocation through the journal file", async () => {
    const invocation = { command: "run", suite: "/abs/suite.jsonl", flags: { repeats: "2" } };
    const store = fsRunStore(join(root, "invocation"));
    await store.openJournal({ ...header, invocation }).then((journal) => journal.close());
    assert.deepEqual((await store.readJournal("r1"))?.header.invocation, invocation);
  });

  it("names the first field at fault, what it expected and what it got", () => {
    const cases: [Record<string, unknown> | unknown, string][] = [
      [[1], "expected an object, got an array of 1"],
      [
        { run_id: "r" },
        `journal: expected "${JOURNAL_FORMAT}", got nothing (the field is missing)`,
      ],
      [
        { ...good(), journal: "ag2-eval.journal/2" },
        `journal: expected "${JOURNAL_FORMAT}", got "ag2-eval.journal/2" (string)`,
      ],
      [{ ...good(), run_id: 7, label: 3 }, "run_id: expected a string, got 7 (number)"],
      [{ ...good(), label: 3 }, "label: expected a string or null, got 3 (number)"],
      [{ ...good(), concurrency: 1.5 }, "concurrency: expected an integer, got 1.5 (number)"],
      [{ ...good(), suite: [] }, "suite: expected an object, got an array of 0"],
      [
        { ...good(), suite: { name: "s", source: "x" } },
        "suite.size: expected an integer, got nothing (the field is missing)",
      ],
      [
        { ...good(), task_ids: ["a", 2] },
        "task_ids: expected an array of strings, got an array of 2",
      ],
      [{ ...good(), scorers: null }, "scorers: expected an array of strings, got null"],
      [{ ...good(), invocation: "run x" }, 'invocation: expected an object, got "run x" (string)'],
    ];
    for (const [json, message] of cases) assert.equal(headerProblem(json), message);
  });

  it("a bad header is a JournalFileError naming the file, line 1 and the field", async () => {
    const dir = join(root, "bad");
    const store = fsRunStore(dir);
    await store.openJournal(header).then((journal) => journal.close());
    const path = join(dir, "r1.journal.jsonl");
    await writeFile(path, `${JSON.stringify({ ...good(), task_ids: "a,b" })}\n`);
    await assert.rejects(store.readJournal("r1"), (error: unknown) => {
      assert.ok(JournalFileError.isInstance(error));
      assert.equal(error.path, path);
      assert.equal(error.line, 1);
      assert.equal(
        error.message,
        `${path}: line 1: not a journal header (task_ids: expected an array of strings, got "a,b" (string)); expected {"journal": "${JOURNAL_FORMAT}", ...}`,
      );
      return true;
    });
  });

  it("a header line that is not JSON, with task lines after it, says so", async () => {
    const dir = join(root, "garbled");
    const store = fsRunStore(dir);
    await store.openJournal(header).then((journal) => journal.close());
    const path = join(dir, "r1.journal.jsonl");
    await writeFile(path, '{"journal": "ag2-eval.jour\n{"task_id": "a"}\n');
    await assert.rejects(store.readJournal("r1"), {
      message: `${path}: line 1: is not valid JSON (the header line)`,
    });
  });
});
