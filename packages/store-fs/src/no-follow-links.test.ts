import assert from "node:assert/strict";
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { eventTracing, runAgent } from "@ag2/eval-core";
import type { JournalHeader } from "@ag2/eval-core/internal";
import {
  resumeScenarioAgent,
  resumeScenarioScorers,
  resumeScenarioSuite,
} from "@ag2/eval-core/testing";
import { makeRun } from "./__fixtures__/make-run.js";
import { fsRunStore } from "./fs-run-store.js";

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "ag2-links-"));
});
after(() => rm(root, { recursive: true, force: true }));

let counter = 0;
/** A store folder and, outside it, a file a link in the store points at. */
async function storeWithOutsideFile(): Promise<{ dir: string; outside: string }> {
  const caseDir = join(root, `case-${++counter}`);
  const dir = join(caseDir, "runs");
  await mkdir(dir, { recursive: true });
  const outside = join(caseDir, "precious.txt");
  await writeFile(outside, "do not touch\n");
  return { dir, outside };
}

function header(runId: string): JournalHeader {
  return {
    runId,
    label: null,
    createdAt: "2026-12-06T10:00:00.000000+00:00",
    target: "SlowAgent",
    concurrency: 1,
    suite: { name: "s", source: "memory", size: 2 },
    taskIds: ["t0", "t1"],
  };
}

const isLink = async (path: string) => (await lstat(path)).isSymbolicLink();

describe("the store never writes through a symbolic link", () => {
  it("a link at the journal path is replaced, and the file it points at is untouched", async () => {
    const { dir, outside } = await storeWithOutsideFile();
    const journalPath = join(dir, "j.journal.jsonl");
    await symlink(outside, journalPath);
    const store = fsRunStore(dir);
    const journal = await store.openJournal(header("j"));
    await journal.append(makeRun({ runId: "j", size: 1 }).tasks[0] ?? assert.fail());
    await journal.close();
    assert.equal(await readFile(outside, "utf8"), "do not touch\n");
    assert.equal(await isLink(journalPath), false);
    assert.equal((await store.readJournal("j"))?.results.length, 1);
  });

  it("a dangling link at the journal path does not create the file it names", async () => {
    const { dir } = await storeWithOutsideFile();
    const target = join(root, `created-${counter}.txt`);
    await symlink(target, join(dir, "j.journal.jsonl"));
    await (await fsRunStore(dir).openJournal(header("j"))).close();
    await assert.rejects(lstat(target), { code: "ENOENT" });
  });

  it("resuming through a link at the journal path is refused, naming it", async () => {
    const { dir, outside } = await storeWithOutsideFile();
    const journalPath = join(dir, "j.journal.jsonl");
    await symlink(outside, journalPath);
    await assert.rejects(
      runAgent(resumeScenarioSuite(2), {
        agent: resumeScenarioAgent({ delayMs: 0 }),
        scorers: resumeScenarioScorers,
        store: fsRunStore(dir),
        tracing: eventTracing(),
        resume: "j",
      }),
      {
        name: "JournalFileError",
        message: new RegExp(`${journalPath}: got a symbolic link; expected a journal file`),
      },
    );
    assert.equal(await readFile(outside, "utf8"), "do not touch\n");
    assert.ok(await isLink(journalPath), "the refused run removed nothing");
  });

  it("a run started over a linked journal is refused as an existing run unless overwritten", async () => {
    const { dir, outside } = await storeWithOutsideFile();
    await symlink(outside, join(dir, "j.journal.jsonl"));
    const options = {
      agent: resumeScenarioAgent({ delayMs: 0 }),
      scorers: resumeScenarioScorers,
      store: fsRunStore(dir),
      tracing: eventTracing(),
      runId: "j",
    };
    await assert.rejects(runAgent(resumeScenarioSuite(2), options), { name: "RunExistsError" });
    const result = await runAgent(resumeScenarioSuite(2), { ...options, overwrite: true });
    assert.equal(result.tasks.length, 2);
    assert.equal(await readFile(outside, "utf8"), "do not touch\n");
  });

  it("a link at the run file, manifest or pairwise path is replaced, not followed", async () => {
    const { dir, outside } = await storeWithOutsideFile();
    const store = fsRunStore(dir);
    await symlink(outside, join(dir, "r.json"));
    await symlink(outside, join(dir, "sweep.variants.json"));
    await store.save(makeRun({ runId: "r", size: 2 }));
    await store.saveManifest({
      schema: "ag2-eval.variants/1",
      run_id: "sweep",
      axis: "model",
      label: null,
      created_at: "2026-12-06T10:00:00.000000+00:00",
      duration_ms: 1,
      variants: [],
    });
    assert.equal(await readFile(outside, "utf8"), "do not touch\n");
    assert.equal(await isLink(join(dir, "r.json")), false);
    assert.equal(await isLink(join(dir, "sweep.variants.json")), false);
    assert.equal((await store.load("r")).tasks.length, 2);
  });

  it("a link at the lock path is refused, and the file it points at is untouched", async () => {
    const { dir, outside } = await storeWithOutsideFile();
    await symlink(outside, join(dir, "r.lock"));
    await assert.rejects(fsRunStore(dir).lock("r"), {
      name: "RunLockedError",
      message: /got a symbolic link where the lock file goes/,
    });
    assert.equal(await readFile(outside, "utf8"), "do not touch\n");
    assert.ok(await isLink(join(dir, "r.lock")));
  });

  it("a store folder that is itself a link works as usual", async () => {
    const { dir } = await storeWithOutsideFile();
    const linked = join(root, `linked-${counter}`);
    await symlink(dir, linked, "dir");
    const store = fsRunStore(linked);
    const result = await runAgent(resumeScenarioSuite(3), {
      agent: resumeScenarioAgent({ delayMs: 0 }),
      scorers: resumeScenarioScorers,
      store,
      tracing: eventTracing(),
      runId: "via-link",
    });
    assert.equal((await store.load("via-link")).tasks.length, result.tasks.length);
    assert.deepEqual(
      (await store.list()).map((info) => info.runId),
      ["via-link"],
    );
    assert.equal((await fsRunStore(dir).load("via-link")).runId, "via-link");
  });
});
