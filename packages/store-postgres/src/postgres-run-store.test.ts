import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inspect } from "node:util";
import { makeRunResult, makeTaskResult } from "@ag2/eval-core/testing";
import { testTargets, useTestDatabase } from "./database-targets.test-helper.js";
import { LISTING_COLUMNS, NEWEST_FIRST } from "./run-rows.js";

const at = (text: string) => `2026-11-${text}+00:00`;

for (const target of testTargets()) {
  describe(`PostgresRunStore on ${target.name}: listing, trends, data`, () => {
    const database = useTestDatabase(target);

    it("lists newest first to the microsecond, filters by label, limits, and trends oldest to newest", async () => {
      const store = database.store();
      const run = (runId: string, label: string, createdAt: string, passing: number) =>
        makeRunResult({
          runId,
          label,
          createdAt,
          tasks: [0, 1, 2, 3].map((i) =>
            makeTaskResult({
              taskId: `t${i}`,
              feedback: [
                { key: "correct", score: i < passing },
                { key: "quality", score: i / 4 },
              ],
            }),
          ),
        });
      await store.save(run("b", "x", at("26T10:00:00.000002"), 1));
      await store.save(run("a", "x", at("26T10:00:00.000001"), 2));
      await store.save(run("c", "y", at("27T09:00:00"), 3));
      await store.save(run("d", "x", at("25T09:00:00.5"), 4));
      await store.save(run("e", "x", "not a time", 0));
      assert.deepEqual(
        (await store.list()).map((info) => info.runId),
        ["c", "b", "a", "d", "e"],
      );
      assert.deepEqual(
        (await store.list({ label: "x", limit: 2 })).map((info) => info.runId),
        ["b", "a"],
      );
      assert.equal((await store.latest("x"))?.runId, "b");
      assert.equal((await store.latest("y"))?.passRate.correct, 0.75);
      assert.equal(await store.latest("none"), null);
      const trend = await store.trend("x");
      assert.deepEqual(
        trend.map((point) => [point.runId, point.passRate.correct]),
        [
          ["e", 0],
          ["d", 1],
          ["a", 0.5],
          ["b", 0.25],
        ],
      );
      assert.equal(trend[1]?.scoreMeans.quality, 0.375);
      assert.deepEqual(await store.trend("none"), []);
    });

    it("serves listing and latest-by-label from the indexes, not from scans of the tasks", async () => {
      const store = database.store();
      await store.ready();
      const plan = async (where: string, limit: string) => {
        const results = await database.sql(
          `BEGIN; SET LOCAL enable_seqscan = off;
            EXPLAIN SELECT ${LISTING_COLUMNS} FROM "${store.schema}".ag2_eval_runs ${where}
            ORDER BY ${NEWEST_FIRST} ${limit}; ROLLBACK`,
        );
        const explain = (results as unknown as { rows: { "QUERY PLAN": string }[] }[])[2];
        return explain?.rows.map((row) => row["QUERY PLAN"]).join("\n") ?? "";
      };
      assert.match(
        await plan("WHERE label = 'nightly'", "LIMIT 1"),
        /Index Scan using ag2_eval_runs_label_newest/,
      );
      assert.match(
        await plan("WHERE label = 'nightly'", ""),
        /Index Scan using ag2_eval_runs_label_newest/,
      );
      assert.match(await plan("", ""), /Index Scan using ag2_eval_runs_newest/);
    });

    it("keeps strings PostgreSQL text cannot hold raw (NUL, lone surrogates), line breaks, and large runs", async () => {
      const store = database.store();
      const odd =
        'nul\u0000 lone\ud800 emoji\u{1f600} quote" back\\slash line\nbreak\r\n sep\u2028';
      // more tasks than one insert takes, so the positions run on across inserts
      const run = makeRunResult({
        runId: "odd",
        tasks: Array.from({ length: 2100 }, (_, i) =>
          makeTaskResult({
            taskId: i % 700 === 1 ? `line\nbreak ${i}` : `t${i}`,
            inputs: { input: `${odd} ${i}` },
            metadata: { odd },
            feedback: [{ key: "ok", score: i % 3 === 0, comment: odd }],
          }),
        ),
      });
      await store.save(run);
      const loaded = await store.load("odd");
      assert.deepEqual(loaded.toJSON(), run.toJSON());
      assert.equal(loaded.tasks[2099]?.task.inputs.input, `${odd} 2099`);
      assert.equal(loaded.tasks[2001]?.task.taskId, "t2001");
    });

    it("refuses an unusable run id before writing anything", async () => {
      const store = database.store();
      for (const runId of ["../escape", "a/b", "", "nul\u0000"]) {
        await assert.rejects(store.save(makeRunResult({ runId })), /invalid run id/);
      }
      assert.deepEqual(await store.list(), []);
    });

    it("stores no password: not in any row, not in the store's printout", async (t) => {
      const password = decodeURIComponent(new URL(database.url).password);
      if (password === "") {
        t.skip("the server's URL carries no password");
        return;
      }
      const store = database.store();
      await store.save(makeRunResult({ runId: "saved", label: "l" }));
      const journal = await store.openJournal({
        runId: "journaled",
        label: null,
        createdAt: at("26T10:30:00"),
        target: "agent",
        concurrency: 1,
        suite: { name: "s", source: "inline", size: 1 },
        taskIds: ["t0"],
      });
      await journal.append(makeTaskResult({ taskId: "t0" }));
      const { rows } = await database.sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1",
        [store.schema],
      );
      assert.ok(rows.length >= 5, `expected the store's tables, got ${rows.length}`);
      for (const { table_name } of rows) {
        const dump = await database.sql(
          `SELECT t::text AS row FROM "${store.schema}"."${table_name}" t`,
        );
        for (const row of dump.rows)
          assert.ok(!String(row.row).includes(password), `${table_name} holds the password`);
      }
      await journal.close();
      for (const shown of [
        inspect(store, { depth: 10 }),
        JSON.stringify(store),
        String(store),
        store.location,
      ]) {
        assert.ok(!shown.includes(password), `the password shows in ${shown}`);
      }
    });
  });
}
