import { describe } from "node:test";
import { describeRunStoreContract } from "@ag2/eval-core/testing";
import { testTargets, useTestDatabase } from "./database-targets.test-helper.js";

for (const target of testTargets()) {
  describe(`PostgresRunStore on ${target.name}`, () => {
    const database = useTestDatabase(target);
    describeRunStoreContract("PostgresRunStore", () => database.store());
  });
}
