import { spawn } from "node:child_process";
import { describe } from "node:test";
import { fileURLToPath } from "node:url";
import { describeRunStoreContract } from "@ag2/eval-core/testing";
import { everyTarget, useTestDatabase } from "./database-targets.test-helper.js";

const CHILD = fileURLToPath(new URL("./__fixtures__/killed-writer-child.js", import.meta.url));
// a killed writer frees the run through its closed connection, long before keepalives would
const LEASE_MS = 60_000;

// PGlite keeps one session for every connection, so only a server shows the lock go with the
// killed writer (the contract resumes right after the kill); PGlite passes holding no lock
for (const target of everyTarget()) {
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
      },
    });
  });
}
