import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { runCli, tempProject } from "../__fixtures__/run-cli.js";

// A real PostgreSQL (PGlite, served on a loopback port by pglite-socket) behind --store.
const PASSWORD = "cli-Secret-42";
const RUN = ["run", "suite.jsonl", "--agent", "./agent.ts#good", "--scorers", "./scorers.mjs"];

let db: PGlite;
let server: PGLiteSocketServer;
let url: string;
let where: string;
before(async () => {
  db = await PGlite.create();
  server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 32 });
  await server.start();
  where = `${server.getServerConn()}/postgres`;
  url = `postgres://postgres:${PASSWORD}@${where}`;
});
after(async () => {
  await server.stop();
  await db.close();
});

function assertNoPassword(...outputs: string[]): void {
  for (const output of outputs)
    assert.ok(!output.includes(PASSWORD), `the password leaked: ${output}`);
}

describe("ag2-eval with a PostgreSQL store", () => {
  test("AG2_EVAL_STORE names the database: run saves there, list/show/trend read it back", async () => {
    const cwd = await tempProject();
    const env = { AG2_EVAL_STORE: url };
    const ran = await runCli([...RUN, "--run-id", "pg1", "--label", "pg"], { cwd, env });
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stdout, new RegExp(`Saved run pg1 in postgres://${where}#public`));
    const listed = await runCli(["list"], { cwd, env });
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^pg1 +\S+ +pg +3 +0 +correct=100\.0%$/m);
    const shown = await runCli(["show", "latest"], { cwd, env });
    assert.match(shown.stdout, /^Run pg1$/m);
    const trend = await runCli(["trend", "--label", "pg"], { cwd, env });
    assert.equal(trend.code, 0, trend.stderr);
    assert.match(trend.stdout, /pg1/);
    assertNoPassword(ran.stdout, ran.stderr, listed.stdout, shown.stdout, trend.stdout);
    // --store wins over the variable: this run goes to a folder
    const local = await runCli([...RUN, "--run-id", "file1", "--store", "runs"], { cwd, env });
    assert.equal(local.code, 0, local.stderr);
    assert.equal(
      JSON.parse(await readFile(join(cwd, "runs", "file1.json"), "utf8")).run_id,
      "file1",
    );
  });

  test("a server that is down: exit 2, naming host:port/database and never the password", async () => {
    const cwd = await tempProject();
    // port 1: nothing listens there; a port freed by a probe could be taken by another test's server
    const port = 1;
    const down = `postgres://ag2:${PASSWORD}@127.0.0.1:${port}/evals`;
    for (const args of [
      ["list", "--store", down, "--debug"],
      [...RUN, "--store", down],
    ]) {
      const { code, stdout, stderr } = await runCli(args, { cwd });
      assert.equal(code, 2, stderr);
      assert.match(
        stderr,
        new RegExp(
          `PostgreSQL run store at 127\\.0\\.0\\.1:${port}/evals: .*is the server running`,
        ),
      );
      assertNoPassword(stdout, stderr);
    }
  });

  test("variants refuse a database store with a usage error", async () => {
    const cwd = await tempProject();
    const { code, stderr } = await runCli(
      ["variants", "suite.jsonl", "--variants", "./sweep.mjs", "--store", url],
      {
        cwd,
      },
    );
    assert.equal(code, 2);
    assert.match(stderr, /a PostgreSQL store keeps runs, not yet variant sweeps/);
    assertNoPassword(stderr);
  });
});
