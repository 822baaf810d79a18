import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { describe } from "node:test";
import { fileURLToPath } from "node:url";
import { describeRunStoreContract } from "@ag2/eval-core/testing";
import { testTargets, useTestDatabase } from "./database-targets.test-helper.js";

const CHILD = fileURLToPath(new URL("./__fixtures__/killed-writer-child.js", import.meta.url));
// long enough that a loaded machine cannot let it lapse by accident; the test ages it by hand
const LEASE_MS = 60_000;

for (const target of testTargets()) {
  describe(`PostgresRunStore on ${target.name}`, () => {
    const database = useTestDatabase(target);
    describeRunStoreContract("PostgresRunStore", () => database.store(), {
      // each writer process stands for another machine
      killedWriter: {
        async start(store, request) {
          await store.ready();
          const args = [database.url, store.schema, String(LEASE_MS), JSON.stringify(request)];
          return spawn(process.execPath, [CHILD, ...args], { stdio: ["ignore", "ignore", "pipe"] });
        },
        async beforeResume({ store, killedPid, resume }) {
          // the dead writer's claim still holds: a resume right away is refused, naming it
          const early = await resume();
          assert.notEqual(early.code, 0);
          assert.match(
            early.stderr,
            new RegExp(`RunWriterConflictError.*being written by machine-start:${killedPid}`),
          );
          // as if the lease had passed without a heartbeat (the killed writer sends none)
          await database.sql(
            `UPDATE "${store.schema}".ag2_eval_writers SET heartbeat_at = heartbeat_at - interval '61 seconds'`,
          );
        },
      },
    });
  });
}
